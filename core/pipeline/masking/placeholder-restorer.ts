import { type MaskingSession, PLACEHOLDER } from './masking-session.js';

/** JSON-escapes an original for placing inside a JSON string (tool-call arguments are JSON text). */
const jsonEscaped = (s: string) => JSON.stringify(s).slice(1, -1);

// A placeholder that is a whole JSON string value: `"{{PESEL_1}}"`.
const QUOTED = /"(\{\{[A-Z][A-Z0-9_]*_\d+\}\})"/g;

/**
 * Puts the originals back into a whole text; unknown placeholders stay as they are. In JSON text (tool-call
 * arguments), a placeholder that stood for a number and is a whole string value becomes that number again.
 */
export function restoreText(text: string, session: MaskingSession, inJson = false): string {
  if (!text.includes('{{')) return text;
  const out = inJson && session.hasNumbers ? restoreNumbers(text, session) : text;
  return out.replace(PLACEHOLDER, (ph) => {
    const original = session.original(ph);
    if (original === undefined) return ph;
    return inJson ? jsonEscaped(original) : original;
  });
}

/** `"{{PESEL_1}}"` that stood for a number → the number. */
const restoreNumbers = (text: string, session: MaskingSession) =>
  text.replace(QUOTED, (quoted, ph: string) => (session.isNumeric(ph) ? session.original(ph)! : quoted));

// The longest text that can still grow into a placeholder: `{{`, an upper-case tag, `_`, digits, `}}`.
const PARTIAL_TAIL = /\{(?:\{(?:[A-Z][A-Z0-9_]*(?:\}?)?)?)?$/;
// In JSON text where numbers were masked: a quote that may open `"{{PESEL_1}}"`, up to its closing quote, is held
// too, so that the number can replace the whole quoted placeholder.
const PARTIAL_QUOTED_TAIL = /"(?:\{(?:\{(?:[A-Z][A-Z0-9_]*(?:\}\}?)?)?)?)?$/;

/**
 * Restores a text that arrives in pieces (one channel of a stream). A placeholder split across pieces
 * (`{{EMA` + `IL_1}}`) is held back until it is complete, so the client never sees a fragment of one.
 */
export class StreamRestorer {
  private pending = '';

  constructor(
    private readonly session: MaskingSession,
    private readonly inJson = false,
  ) {}

  push(piece: string): string {
    const numbers = this.inJson && this.session.hasNumbers;
    // A whole quoted number placeholder is put back first, so its closing quote is not held as an opening one.
    const text = numbers ? restoreNumbers(this.pending + piece, this.session) : this.pending + piece;
    const tail = PARTIAL_TAIL.exec(text);
    let cut = tail ? tail.index : text.length;
    if (numbers) {
      const quoted = PARTIAL_QUOTED_TAIL.exec(text);
      if (quoted && quoted.index < cut) cut = quoted.index;
    }
    this.pending = text.slice(cut);
    return restoreText(text.slice(0, cut), this.session, this.inJson);
  }

  /** What is still held back when the stream ends (an unfinished `{{…` is just text). */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
