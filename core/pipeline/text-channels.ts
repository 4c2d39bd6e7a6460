import type { ChatChunk, ChatCompletion, Logprobs, TokenLogprob } from '../dialects/canonical.js';

/**
 * The one reader of the texts an answer carries, whole or as stream chunks: restoring, the answer guardrails and
 * the stream guard all read through here, so a new answer field is handled by all of them at once. Requests are
 * read by payload-texts.ts, for masking and the request guardrails alike.
 */

/** One text a user, a tool or the model wrote, with the way to put a changed form back. */
export interface TextSlot {
  readonly text: string;
  /** The text is JSON (tool-call arguments): a value written back into it must be JSON-escaped. */
  readonly json: boolean;
  /** The text is a JSON number (in tool arguments, schemas, metadata): a placeholder for it stands for a number. */
  readonly numeric?: boolean;
  set(value: string): void;
}

/** A text of a stream chunk; `channel` names the stream it continues (choice, then content, reasoning or call). */
export interface ChunkText extends TextSlot {
  readonly channel: string;
}

type Delta = ChatChunk['choices'][number]['delta'];

/**
 * What the model wrote in a whole answer: text, reasoning, a refusal, tool-call names and arguments, and (unless
 * the caller reads them as token lists, see logprobLists) the tokens of log probabilities, per choice.
 */
export function completionTexts(c: ChatCompletion, withTokens = true): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const { message: m, logprobs } of c.choices) {
    if (m.content) slots.push(slot(m.content, false, (v) => (m.content = v)));
    if (m.reasoning_content) slots.push(slot(m.reasoning_content, false, (v) => (m.reasoning_content = v)));
    if (m.refusal) slots.push(slot(m.refusal, false, (v) => (m.refusal = v)));
    if (withTokens) for (const slot of logprobTexts(logprobs)) slots.push(slot);
    for (const call of m.tool_calls ?? []) {
      const fn = call.function;
      if (fn.name) slots.push(slot(fn.name, false, (v) => (fn.name = v)));
      slots.push(slot(fn.arguments, true, (v) => (fn.arguments = v)));
    }
  }
  return slots;
}

/** The same channels in one stream chunk, each named so that its pieces can be followed across chunks. */
export function chunkTexts(c: ChatChunk): ChunkText[] {
  const texts: ChunkText[] = [];
  for (const { index, delta: d } of c.choices) {
    if (d.content) texts.push({ ...slot(d.content, false, (v) => (d.content = v)), channel: `${index}:content` });
    if (d.refusal) texts.push({ ...slot(d.refusal, false, (v) => (d.refusal = v)), channel: `${index}:refusal` });
    if (d.reasoning_content) {
      texts.push({
        ...slot(d.reasoning_content, false, (v) => (d.reasoning_content = v)),
        channel: `${index}:reasoning`,
      });
    }
    for (const call of d.tool_calls ?? []) {
      const fn = call.function;
      if (fn?.name)
        texts.push({ ...slot(fn.name, false, (v) => (fn.name = v)), channel: `${index}:name:${call.index}` });
      if (fn?.arguments)
        texts.push({ ...slot(fn.arguments, true, (v) => (fn.arguments = v)), channel: `${index}:call:${call.index}` });
    }
  }
  return texts;
}

/** Appends text to a named channel of a delta (held-back text released at the end of a stream). */
export function appendToChannel(delta: Delta, channel: string, text: string): void {
  const [, kind, call] = channel.split(':');
  if (kind === 'content') delta.content = (delta.content ?? '') + text;
  else if (kind === 'refusal') delta.refusal = (delta.refusal ?? '') + text;
  else if (kind === 'reasoning') delta.reasoning_content = (delta.reasoning_content ?? '') + text;
  else {
    const index = Number(call);
    const field = kind === 'name' ? 'name' : 'arguments';
    delta.tool_calls ??= [];
    const existing = delta.tool_calls.find((t) => t.index === index);
    if (existing) existing.function = { ...existing.function, [field]: (existing.function?.[field] ?? '') + text };
    else delta.tool_calls.push({ index, function: { [field]: text } });
  }
}

/** One list of log-probability tokens (of the content or of the refusal), with the way to replace it. */
export interface TokenList {
  readonly name: 'content' | 'refusal';
  readonly tokens: readonly TokenLogprob[];
  set(tokens: TokenLogprob[]): void;
}

/** The token lists of a choice's log probabilities: a placeholder spans tokens, so they are read as lists. */
export function logprobLists(logprobs: Logprobs | null | undefined): TokenList[] {
  const lists: TokenList[] = [];
  if (!logprobs) return lists;
  for (const name of ['content', 'refusal'] as const) {
    const tokens = logprobs[name];
    if (tokens?.length) lists.push({ name, tokens, set: (v) => (logprobs[name] = v) });
  }
  return lists;
}

/** The tokens of log probabilities (content and refusal, with their alternatives), one by one. */
function logprobTexts(logprobs: Logprobs | null | undefined): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const list of [logprobs?.content, logprobs?.refusal]) {
    for (const entry of list ?? []) {
      slots.push(slot(entry.token, false, (v) => (entry.token = v)));
      for (const alt of entry.top_logprobs ?? []) slots.push(slot(alt.token, false, (v) => (alt.token = v)));
    }
  }
  return slots;
}

/** The choice a channel belongs to. */
export const channelChoice = (channel: string): number => Number(channel.slice(0, channel.indexOf(':')));

function slot(text: string, json: boolean, set: (value: string) => void): TextSlot {
  return { text, json, set };
}
