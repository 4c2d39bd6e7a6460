import type { ChatChunk, ChatCompletion } from '../../dialects/canonical.js';
import type { AnswerStage } from '../answer-stages.js';
import { ChunkRestorer, restoreCompletion } from './answer-restorer.js';
import type { MaskingSession } from './masking-session.js';

/** Puts the request's originals back into the answer before anything else sees it. */
export class RestoreStage implements AnswerStage {
  private readonly restorer: ChunkRestorer;
  private last: ChatChunk | null = null;

  constructor(private readonly session: MaskingSession) {
    this.restorer = new ChunkRestorer(session);
  }

  chunk(chunk: ChatChunk): ChatChunk[] {
    this.last = this.restorer.restore(chunk);
    return [this.last];
  }

  end(): ChatChunk[] {
    const held = this.restorer.end(this.last);
    return held ? [held] : [];
  }

  completion(completion: ChatCompletion): void {
    restoreCompletion(completion, this.session);
  }
}
