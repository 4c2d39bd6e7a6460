import type { GuardConfig } from '../config/services-config.js';
import type { CachedInference } from '../inference/cached-inference.js';
import type { ChunkLabel } from '../inference/messages.js';
import { jsonTexts } from './json-texts.js';

export interface GuardChunk {
  chunk_index: number;
  chunk_text: string;
  label: string;
  score: number;
  safe: boolean;
}

export interface GuardResults {
  safe: boolean;
  detailed: GuardChunk[];
}

/**
 * A guard as the reference's sidecar answers it: every string in the body is cut into token windows, each
 * window gets its top label, and the thresholds decide. A window is unsafe when its label is a safe label
 * scoring under `min_score_for_safe`, or another label scoring over `min_score_for_not_safe`.
 */
export class GuardService {
  constructor(
    readonly config: GuardConfig,
    private readonly inference: CachedInference<ChunkLabel[]>,
  ) {}

  async judge(body: unknown): Promise<GuardResults> {
    const texts = jsonTexts(body).filter((t) => t.trim() !== '');
    const perText = await this.inference.run(texts);
    const safeLabels = new Set(this.config.safe_labels.map((l) => l.toLowerCase()));
    const detailed = perText.flat().map((c, chunk_index) => {
      const labelSafe = safeLabels.has(c.label.toLowerCase());
      const safe = labelSafe
        ? c.score >= this.config.min_score_for_safe
        : c.score <= this.config.min_score_for_not_safe;
      return { chunk_index, chunk_text: c.chunk_text, label: c.label, score: Math.round(c.score * 1e4) / 1e4, safe };
    });
    return { safe: detailed.every((c) => c.safe), detailed };
  }
}
