import type { GuardrailPlugin, GuardVerdict } from '../../../core/plugins/plugin.js';
import { normalize } from './normalize.js';
import { SIGNALS, type Signal } from './signals.js';

// One strong signal blocks, and so do two weaker ones together; no single weak cue ("act as", "from now on")
// blocks alone. Chosen from the precision/recall curve in docs/QUALITY.md, where precision is still 1.00.
const THRESHOLD = 0.8;

/**
 * Deterministic prompt-injection, jailbreak and system-prompt-exfiltration detection in English, Polish and
 * German, without a model or a sidecar: each text is normalised (case, spacing, leetspeak, invisible Unicode),
 * then weighted signals are summed; the strongest category names the block.
 */
export class InjectionGuard implements GuardrailPlugin {
  static readonly id = 'injection_guard';
  static readonly kind = 'guardrail';

  apply(texts: readonly string[]): GuardVerdict {
    let best: GuardVerdict = { safe: true, score: 0 };
    for (const text of texts) {
      const verdict = judge(text);
      if ((verdict.score ?? 0) > (best.score ?? 0)) best = verdict;
      if (!verdict.safe) return verdict;
    }
    return best;
  }
}

export function judge(text: string): GuardVerdict {
  const t = normalize(text);
  let score = 0;
  const byCategory = new Map<Signal['category'], number>();
  for (const s of SIGNALS) {
    // Once blocked, only a strong signal can change which category names the block.
    if (score >= THRESHOLD && s.weight < 1) continue;
    if (!s.pattern.test(t)) continue;
    score += s.weight;
    byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + s.weight);
  }
  const category = [...byCategory].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { safe: score < THRESHOLD, score, ...(category ? { category } : {}) };
}
