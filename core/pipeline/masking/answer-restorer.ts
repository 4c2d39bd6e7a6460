import type { ChatChunk, ChatCompletion, TokenLogprob } from '../../dialects/canonical.js';
import { appendToChannel, channelChoice, chunkTexts, completionTexts, logprobLists } from '../text-channels.js';
import type { MaskingSession } from './masking-session.js';
import { restoreText, StreamRestorer } from './placeholder-restorer.js';
import { restoreTokens, TokenStreamRestorer } from './token-restorer.js';

/** Puts originals back into a whole answer: every text channel and log-probability token list of every choice. */
export function restoreCompletion(c: ChatCompletion, session: MaskingSession): void {
  for (const t of completionTexts(c, false)) t.set(restoreText(t.text, session, t.json));
  for (const choice of c.choices)
    for (const l of logprobLists(choice.logprobs)) l.set(restoreTokens(l.tokens, session));
}

/**
 * Puts originals back into a stream of canonical chunks. Each choice's text, reasoning and tool-call arguments
 * are separate channels; a placeholder split across chunks is held back until complete, and what a choice
 * still holds is released with the chunk that finishes it.
 */
export class ChunkRestorer {
  private readonly channels = new Map<string, StreamRestorer>();
  /** Log-probability tokens, per choice and list (`0:content`), held back like the text they spell. */
  private readonly tokens = new Map<string, TokenStreamRestorer>();

  constructor(private readonly session: MaskingSession) {}

  restore(chunk: ChatChunk): ChatChunk {
    for (const t of chunkTexts(chunk)) t.set(this.channel(t.channel, t.json).push(t.text));
    for (const choice of chunk.choices) {
      for (const l of logprobLists(choice.logprobs))
        l.set(this.tokenChannel(`${choice.index}:${l.name}`).push(l.tokens));
      if (choice.finish_reason) this.flushChoice(choice);
    }
    return chunk;
  }

  /** A last chunk for text still held when a stream ends without a finish reason; null when nothing is held. */
  end(template: ChatChunk | null): ChatChunk | null {
    const choices = new Map<number, ChatChunk['choices'][number]>();
    const choice = (index: number) => {
      const c = choices.get(index) ?? { index, delta: {}, finish_reason: null };
      choices.set(index, c);
      return c;
    };
    for (const [channel, r] of this.channels) {
      const rest = r.flush();
      if (rest) appendToChannel(choice(channelChoice(channel)).delta, channel, rest);
    }
    for (const [channel, r] of this.tokens) {
      const rest = r.flush();
      if (rest.length) appendTokens(choice(channelChoice(channel)), channel, rest);
    }
    if (choices.size === 0 || template === null) return null;
    return { ...template, choices: [...choices.values()], usage: undefined };
  }

  private channel(name: string, json: boolean): StreamRestorer {
    let r = this.channels.get(name);
    if (!r) {
      r = new StreamRestorer(this.session, json);
      this.channels.set(name, r);
    }
    return r;
  }

  private tokenChannel(name: string): TokenStreamRestorer {
    let r = this.tokens.get(name);
    if (!r) {
      r = new TokenStreamRestorer(this.session);
      this.tokens.set(name, r);
    }
    return r;
  }

  private flushChoice(choice: ChatChunk['choices'][number]): void {
    for (const [channel, r] of this.channels) {
      if (channelChoice(channel) !== choice.index) continue;
      const rest = r.flush();
      if (rest) appendToChannel(choice.delta, channel, rest);
    }
    for (const [channel, r] of this.tokens) {
      if (channelChoice(channel) !== choice.index) continue;
      const rest = r.flush();
      if (rest.length) appendTokens(choice, channel, rest);
    }
  }
}

/** Appends held tokens to a choice's list (`0:content` → logprobs.content). */
function appendTokens(choice: ChatChunk['choices'][number], channel: string, tokens: TokenLogprob[]): void {
  const name = channel.endsWith(':refusal') ? 'refusal' : 'content';
  choice.logprobs ??= {};
  choice.logprobs[name] = [...(choice.logprobs[name] ?? []), ...tokens];
}
