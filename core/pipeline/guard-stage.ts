import type { ChatChunk, ChatCompletion } from '../dialects/canonical.js';
import type { AnswerStage } from './answer-stages.js';
import { StreamGuard } from './stream-guard.js';
import { completionTexts } from './text-channels.js';

/** Answer guardrails: a whole completion at once, a stream a window at a time (held until checked). */
export class GuardStage implements AnswerStage {
  private readonly guard: StreamGuard;

  constructor(
    private readonly check: (texts: readonly string[]) => Promise<void>,
    window: number,
  ) {
    this.guard = new StreamGuard((text) => check([text]), window);
  }

  chunk(chunk: ChatChunk): Promise<ChatChunk[]> {
    return this.guard.push(chunk);
  }

  end(): Promise<ChatChunk[]> {
    return this.guard.end();
  }

  completion(completion: ChatCompletion): Promise<void> {
    return this.check(
      completionTexts(completion)
        .map((t) => t.text)
        .filter((t) => t !== ''),
    );
  }
}
