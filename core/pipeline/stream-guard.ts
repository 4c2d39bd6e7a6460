import type { ChatChunk } from '../dialects/canonical.js';
import { chunkTexts } from './text-channels.js';

const chunkText = (c: ChatChunk) =>
  chunkTexts(c)
    .map((t) => t.text)
    .join('');

/**
 * The alternatives of a chunk's log probabilities: words the model weighed and did not write, which the client
 * reads all the same (the chosen tokens mirror the text, so the text is what is judged for them).
 */
function alternativesText(c: ChatChunk): string {
  let out = '';
  for (const choice of c.choices) {
    for (const list of [choice.logprobs?.content, choice.logprobs?.refusal])
      for (const entry of list ?? []) for (const alt of entry.top_logprobs ?? []) out += `${alt.token} `;
  }
  return out;
}

/**
 * Response guardrails on a stream: chunks are held until `window` new characters have arrived, then the new
 * text, with the previous window before it (so a phrase across the boundary is seen whole), is checked, and
 * only then released. The client never receives text no guard has seen; a block throws before it is sent.
 */
export class StreamGuard {
  private held: ChatChunk[] = [];
  private fresh = '';
  private seen = '';
  private alternatives = '';

  constructor(
    private readonly check: (text: string) => Promise<void>,
    private readonly window: number,
  ) {}

  /** The chunks that may go to the client now (none while a window fills). */
  async push(chunk: ChatChunk): Promise<ChatChunk[]> {
    this.held.push(chunk);
    this.fresh += chunkText(chunk);
    if (chunk.choices.some((c) => c.logprobs)) this.alternatives += alternativesText(chunk);
    return this.fresh.length >= this.window ? this.release() : [];
  }

  /** Checks whatever is still held, at the end of the stream. */
  end(): Promise<ChatChunk[]> {
    return this.release();
  }

  private async release(): Promise<ChatChunk[]> {
    if (this.fresh.trim() !== '') await this.check(this.seen + this.fresh);
    if (this.alternatives !== '') {
      const alternatives = this.alternatives;
      this.alternatives = '';
      await this.check(alternatives);
    }
    this.seen = (this.seen + this.fresh).slice(-this.window);
    this.fresh = '';
    const out = this.held;
    this.held = [];
    return out;
  }
}
