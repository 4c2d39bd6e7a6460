import type { ChatChunk, ChatCompletion } from '../dialects/canonical.js';

/**
 * A step an answer passes between the provider's decoder and the client's encoder (restoring, guarding): over a
 * stream chunk by chunk, or over a whole completion. A stage may hold chunks back and release them later.
 */
export interface AnswerStage {
  chunk(chunk: ChatChunk): ChatChunk[] | Promise<ChatChunk[]>;
  /** What is still held when the stream ends. */
  end(): ChatChunk[] | Promise<ChatChunk[]>;
  completion(completion: ChatCompletion): void | Promise<void>;
}

/** The answer stages of one attempt, in order; with none, chunks pass untouched. */
export class AnswerChain {
  constructor(private readonly stages: readonly AnswerStage[]) {}

  get empty(): boolean {
    return this.stages.length === 0;
  }

  /**
   * Each chunk through every stage before the next chunk is looked at, so that what a stage releases reaches
   * the client even when a later chunk makes a stage throw (a guardrail block).
   */
  async *push(chunks: Iterable<ChatChunk>, from = 0): AsyncGenerator<ChatChunk> {
    const stage = this.stages[from];
    if (stage === undefined) return yield* chunks;
    for (const c of chunks) yield* this.push(await stage.chunk(c), from + 1);
  }

  /** Ends each stage in order; what one releases still passes the stages after it. */
  async *end(): AsyncGenerator<ChatChunk> {
    for (let i = 0; i < this.stages.length; i++) yield* this.push(await this.stages[i]!.end(), i + 1);
  }

  async completion(completion: ChatCompletion): Promise<void> {
    for (const stage of this.stages) await stage.completion(completion);
  }
}
