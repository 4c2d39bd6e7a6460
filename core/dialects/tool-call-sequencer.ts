import type { ToolCallDelta } from './canonical.js';

export type ToolCallEvent =
  | { readonly kind: 'start'; readonly index: number; readonly id: string; readonly name: string }
  | { readonly kind: 'arguments'; readonly index: number; readonly text: string }
  | { readonly kind: 'stop'; readonly index: number };

interface Call {
  id: string;
  name: string;
  /** Arguments not yet given out (a call waiting its turn). */
  pending: string;
  state: 'waiting' | 'open' | 'done';
}

/**
 * Turns OpenAI-style tool-call deltas, which a backend may interleave (told apart by `index`), into one call at a
 * time: the formats that stream calls as sequential blocks (Anthropic content blocks, Responses output items)
 * cannot interleave them. The first call streams as it comes; a call that shows up while another is open waits,
 * collecting its arguments, and is given out whole when the open one closes (`close`).
 */
export class ToolCallSequencer {
  private readonly calls = new Map<number, Call>();
  private open: number | null = null;

  get isOpen(): boolean {
    return this.open !== null;
  }

  push(deltas: readonly ToolCallDelta[]): ToolCallEvent[] {
    const events: ToolCallEvent[] = [];
    for (const d of deltas) {
      let call = this.calls.get(d.index);
      if (!call) {
        call = { id: d.id ?? '', name: d.function?.name ?? '', pending: '', state: 'waiting' };
        this.calls.set(d.index, call);
      } else {
        if (d.id && !call.id) call.id = d.id;
        if (d.function?.name && !call.name) call.name = d.function.name;
      }
      const text = d.function?.arguments ?? '';
      if (call.state === 'done') {
        // Its block was closed when text cut in; a sequential format cannot reopen it, and a call cut short would
        // be run with half its arguments: the stream fails instead.
        if (text) throw new Error(`tool call ${d.index} got more arguments after text followed it`);
        continue;
      }
      if (call.state === 'waiting' && this.open === null) {
        call.state = 'open';
        this.open = d.index;
        events.push({ kind: 'start', index: d.index, id: call.id || `call_${d.index}`, name: call.name });
      }
      if (call.state === 'open') {
        if (text) events.push({ kind: 'arguments', index: d.index, text });
      } else call.pending += text;
    }
    return events;
  }

  /** Ends the open call, then gives out every waiting call whole, in index order. */
  close(): ToolCallEvent[] {
    const events: ToolCallEvent[] = [];
    if (this.open !== null) {
      this.calls.get(this.open)!.state = 'done';
      events.push({ kind: 'stop', index: this.open });
      this.open = null;
    }
    const waiting = [...this.calls].filter(([, c]) => c.state === 'waiting').sort(([a], [b]) => a - b);
    for (const [index, call] of waiting) {
      call.state = 'done';
      events.push({ kind: 'start', index, id: call.id || `call_${index}`, name: call.name });
      if (call.pending) events.push({ kind: 'arguments', index, text: call.pending });
      call.pending = '';
      events.push({ kind: 'stop', index });
    }
    return events;
  }
}
