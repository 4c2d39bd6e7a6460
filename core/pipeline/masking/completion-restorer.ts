import type { ChatChunk, ChatCompletion } from '../../dialects/canonical.js';
import type { MaskingSession } from './masking-session.js';
import { restoreText, StreamRestorer } from './restorer.js';

/** Puts originals back into a whole answer: text, reasoning and tool-call arguments. */
export function restoreCompletion(c: ChatCompletion, session: MaskingSession): void {
  for (const choice of c.choices) {
    const m = choice.message;
    if (m.content) m.content = restoreText(m.content, session);
    if (m.reasoning_content) m.reasoning_content = restoreText(m.reasoning_content, session);
    for (const call of m.tool_calls ?? []) call.function.arguments = restoreText(call.function.arguments, session, true);
  }
}

/**
 * Puts originals back into a stream of canonical chunks. Text, reasoning and each tool call's arguments are
 * separate channels; a placeholder split across chunks is held back until complete, and anything held is
 * released with the chunk that finishes the answer.
 */
export class ChunkRestorer {
  private readonly content: StreamRestorer;
  private readonly reasoning: StreamRestorer;
  private readonly args = new Map<number, StreamRestorer>();

  constructor(private readonly session: MaskingSession) {
    this.content = new StreamRestorer(session);
    this.reasoning = new StreamRestorer(session);
  }

  restore(chunk: ChatChunk): ChatChunk {
    const choice = chunk.choices[0];
    if (!choice) return chunk;
    const d = choice.delta;
    if (d.content) d.content = this.content.push(d.content);
    if (d.reasoning_content) d.reasoning_content = this.reasoning.push(d.reasoning_content);
    for (const call of d.tool_calls ?? []) {
      if (call.function?.arguments) call.function.arguments = this.argsOf(call.index).push(call.function.arguments);
    }
    if (choice.finish_reason) this.flushInto(d);
    return chunk;
  }

  /** A last chunk for text still held when a stream ends without a finish reason; null when nothing is held. */
  end(template: ChatChunk | null): ChatChunk | null {
    const delta: ChatChunk['choices'][number]['delta'] = {};
    this.flushInto(delta);
    if (Object.keys(delta).length === 0 || template === null) return null;
    return { ...template, choices: [{ index: 0, delta, finish_reason: null }], usage: undefined };
  }

  private argsOf(index: number): StreamRestorer {
    let r = this.args.get(index);
    if (!r) {
      r = new StreamRestorer(this.session, true);
      this.args.set(index, r);
    }
    return r;
  }

  private flushInto(d: ChatChunk['choices'][number]['delta']): void {
    const text = this.content.flush();
    if (text) d.content = (d.content ?? '') + text;
    const thought = this.reasoning.flush();
    if (thought) d.reasoning_content = (d.reasoning_content ?? '') + thought;
    for (const [index, r] of this.args) {
      const rest = r.flush();
      if (!rest) continue;
      d.tool_calls ??= [];
      const existing = d.tool_calls.find((c) => c.index === index);
      if (existing) existing.function = { ...existing.function, arguments: (existing.function?.arguments ?? '') + rest };
      else d.tool_calls.push({ index, function: { arguments: rest } });
    }
  }
}
