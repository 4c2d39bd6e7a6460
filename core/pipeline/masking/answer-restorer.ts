import type { ChatChunk, ChatCompletion } from '../../dialects/canonical.js';
import { appendToChannel, channelChoice, chunkTexts, completionTexts } from '../text-channels.js';
import type { MaskingSession } from './masking-session.js';
import { restoreText, StreamRestorer } from './placeholder-restorer.js';

type Delta = ChatChunk['choices'][number]['delta'];

/** Puts originals back into a whole answer: every text channel of every choice. */
export function restoreCompletion(c: ChatCompletion, session: MaskingSession): void {
  for (const t of completionTexts(c)) t.set(restoreText(t.text, session, t.json));
}

/**
 * Puts originals back into a stream of canonical chunks. Each choice's text, reasoning and tool-call arguments
 * are separate channels; a placeholder split across chunks is held back until complete, and what a choice
 * still holds is released with the chunk that finishes it.
 */
export class ChunkRestorer {
  private readonly channels = new Map<string, StreamRestorer>();

  constructor(private readonly session: MaskingSession) {}

  restore(chunk: ChatChunk): ChatChunk {
    for (const t of chunkTexts(chunk)) t.set(this.channel(t.channel, t.json).push(t.text));
    for (const choice of chunk.choices) if (choice.finish_reason) this.flushChoice(choice.index, choice.delta);
    return chunk;
  }

  /** A last chunk for text still held when a stream ends without a finish reason; null when nothing is held. */
  end(template: ChatChunk | null): ChatChunk | null {
    const deltas = new Map<number, Delta>();
    for (const [channel, r] of this.channels) {
      const rest = r.flush();
      if (!rest) continue;
      const index = channelChoice(channel);
      const delta = deltas.get(index) ?? {};
      appendToChannel(delta, channel, rest);
      deltas.set(index, delta);
    }
    if (deltas.size === 0 || template === null) return null;
    const choices = [...deltas].map(([index, delta]) => ({ index, delta, finish_reason: null }));
    return { ...template, choices, usage: undefined };
  }

  private channel(name: string, json: boolean): StreamRestorer {
    let r = this.channels.get(name);
    if (!r) {
      r = new StreamRestorer(this.session, json);
      this.channels.set(name, r);
    }
    return r;
  }

  private flushChoice(index: number, delta: Delta): void {
    for (const [channel, r] of this.channels) {
      if (channelChoice(channel) !== index) continue;
      const rest = r.flush();
      if (rest) appendToChannel(delta, channel, rest);
    }
  }
}
