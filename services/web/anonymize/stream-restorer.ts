import { placeholders } from './placeholders.js';

const PLACEHOLDER = placeholders();
// Longer than any placeholder the maskers make: a `{{` with no `}}` within this many characters is plain text.
const LONGEST = 64;

/**
 * Puts originals back into an answer that arrives in pieces: a placeholder split across pieces (`{{PER` + `SON_1}}`)
 * is held until it is whole. Placeholders the mapping does not know (the model made them up) stay as they are.
 */
export class StreamRestorer {
  private held = '';

  constructor(private readonly mappings: Readonly<Record<string, string>>) {}

  private restore(text: string): string {
    return text.replace(PLACEHOLDER, (ph) => this.mappings[ph] ?? ph);
  }

  /** The part of the answer so far that can be shown. */
  push(piece: string): string {
    const text = this.held + piece;
    const open = text.lastIndexOf('{{');
    const cut = open >= 0 && text.indexOf('}}', open) < 0 && text.length - open < LONGEST ? open : text.length;
    // A lone `{` at the end may be the first half of `{{`.
    const end = cut === text.length && text.endsWith('{') ? text.length - 1 : cut;
    this.held = text.slice(end);
    return this.restore(text.slice(0, end));
  }

  /** Whatever was held, at the end of the answer. */
  end(): string {
    const rest = this.restore(this.held);
    this.held = '';
    return rest;
  }
}
