import type { ChatRequest } from '../../dialects/canonical.js';
import { isObject } from '../../dialects/request-fields.js';

/** One text a user or tool wrote, with the way to put its masked form back. */
export interface TextSlot {
  readonly text: string;
  set(masked: string): void;
}

/**
 * The texts of a canonical chat request that maskers must see: message contents and text parts, tool-call
 * arguments (each string inside the JSON), tool results, and `user`/`metadata`. Keys, `model`, roles and
 * ids are not texts. `commit()` writes re-serialised tool arguments back after masking.
 */
export function chatTextSlots(req: ChatRequest): { slots: TextSlot[]; commit(): void } {
  const slots: TextSlot[] = [];
  const commits: Array<() => void> = [];
  for (const m of req.messages) {
    if (typeof m.content === 'string') {
      slots.push({ text: m.content, set: (v) => (m.content = v) });
    } else if (Array.isArray(m.content)) {
      for (const part of m.content) if (part.type === 'text') slots.push({ text: part.text, set: (v) => (part.text = v) });
    }
    for (const call of m.tool_calls ?? []) {
      const fn = call.function;
      let parsed: unknown;
      try {
        parsed = JSON.parse(fn.arguments);
      } catch {
        slots.push({ text: fn.arguments, set: (v) => (fn.arguments = v) });
        continue;
      }
      collectLeaves(parsed, slots, (v) => (parsed = v));
      commits.push(() => (fn.arguments = JSON.stringify(parsed)));
    }
  }
  if (typeof req['user'] === 'string') slots.push({ text: req['user'], set: (v) => (req['user'] = v) });
  if (isObject(req['metadata'])) collectLeaves(req['metadata'], slots, (v) => (req['metadata'] = v));
  return { slots, commit: () => commits.forEach((c) => c()) };
}

/** Every string inside a JSON value, each settable in place. */
export function collectLeaves(value: unknown, slots: TextSlot[], setRoot: (v: unknown) => void): void {
  if (typeof value === 'string') {
    slots.push({ text: value, set: setRoot });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectLeaves(item, slots, (v) => (value[i] = v)));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) collectLeaves(value[key], slots, (v) => (value[key] = v));
  }
}
