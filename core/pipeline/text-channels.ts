import type { ChatChunk, ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import { isObject } from '../dialects/request-fields.js';

/**
 * The one reader of the texts a request, a completion or a stream chunk carries. Masking, restoring, the
 * request and answer guardrails and the stream guard all read through here, so a new text field is handled
 * by all of them at once.
 */

/** One text a user, a tool or the model wrote, with the way to put a changed form back. */
export interface TextSlot {
  readonly text: string;
  /** The text is JSON (tool-call arguments): a value written back into it must be JSON-escaped. */
  readonly json: boolean;
  set(value: string): void;
}

/** A text of a stream chunk; `channel` names the stream it continues (choice, then content, reasoning or call). */
export interface ChunkText extends TextSlot {
  readonly channel: string;
}

type Delta = ChatChunk['choices'][number]['delta'];

/**
 * The texts of a canonical chat request that maskers and guardrails must see: message contents and text parts,
 * tool-call arguments (each string inside the JSON), and `user`/`metadata`. Keys, `model`, roles and ids are
 * not texts. `commit()` writes re-serialised tool arguments back after the slots were set.
 */
export function requestTexts(req: ChatRequest): { slots: TextSlot[]; commit(): void } {
  const slots: TextSlot[] = [];
  const commits: Array<() => void> = [];
  for (const m of req.messages) {
    if (typeof m.content === 'string') {
      slots.push(slot(m.content, false, (v) => (m.content = v)));
    } else if (Array.isArray(m.content)) {
      for (const part of m.content)
        if (part.type === 'text') slots.push(slot(part.text, false, (v) => (part.text = v)));
    }
    for (const call of m.tool_calls ?? []) {
      const fn = call.function;
      let parsed: unknown;
      try {
        parsed = JSON.parse(fn.arguments);
      } catch {
        slots.push(slot(fn.arguments, false, (v) => (fn.arguments = v)));
        continue;
      }
      jsonLeaves(parsed, slots, (v) => (parsed = v));
      commits.push(() => (fn.arguments = JSON.stringify(parsed)));
    }
  }
  if (typeof req['user'] === 'string') slots.push(slot(req['user'], false, (v) => (req['user'] = v)));
  if (isObject(req['metadata'])) jsonLeaves(req['metadata'], slots, (v) => (req['metadata'] = v));
  return {
    slots,
    commit: () => {
      for (const c of commits) c();
    },
  };
}

/** What the model wrote in a whole answer: text, reasoning and tool-call arguments, per choice. */
export function completionTexts(c: ChatCompletion): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const { message: m } of c.choices) {
    if (m.content) slots.push(slot(m.content, false, (v) => (m.content = v)));
    if (m.reasoning_content) slots.push(slot(m.reasoning_content, false, (v) => (m.reasoning_content = v)));
    for (const call of m.tool_calls ?? []) {
      const fn = call.function;
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
    if (d.reasoning_content) {
      texts.push({
        ...slot(d.reasoning_content, false, (v) => (d.reasoning_content = v)),
        channel: `${index}:reasoning`,
      });
    }
    for (const call of d.tool_calls ?? []) {
      const fn = call.function;
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
  else if (kind === 'reasoning') delta.reasoning_content = (delta.reasoning_content ?? '') + text;
  else {
    const index = Number(call);
    delta.tool_calls ??= [];
    const existing = delta.tool_calls.find((t) => t.index === index);
    if (existing) existing.function = { ...existing.function, arguments: (existing.function?.arguments ?? '') + text };
    else delta.tool_calls.push({ index, function: { arguments: text } });
  }
}

/** The choice a channel belongs to. */
export const channelChoice = (channel: string): number => Number(channel.slice(0, channel.indexOf(':')));

function slot(text: string, json: boolean, set: (value: string) => void): TextSlot {
  return { text, json, set };
}

/** Every string inside a JSON value, each settable in place. */
function jsonLeaves(value: unknown, slots: TextSlot[], setRoot: (v: unknown) => void): void {
  if (typeof value === 'string') {
    slots.push(slot(value, false, setRoot));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      jsonLeaves(item, slots, (v) => (value[i] = v));
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) jsonLeaves(value[key], slots, (v) => (value[key] = v));
  }
}
