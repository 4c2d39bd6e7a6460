import { firstAbove } from './first-above.js';
/** The parts of a text already replaced by placeholders, in text order. */
export class MaskedSpans {
  /** Where each span starts and ends, ascending (read-only outside this class). */
  starts: number[] = [];
  ends: number[] = [];
  private placeholders: string[] = [];
  /** Span edges that fall inside a run of digits (rare: rules end their spans at non-digits). */
  cuts: number[] = [];

  constructor(readonly text: string) {}

  get count(): number {
    return this.starts.length;
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  clear(): void {
    // New arrays: emptying one by its length costs more than making a small one.
    this.starts = [];
    this.ends = [];
    this.placeholders = [];
    this.cuts = [];
  }

  /** Adds a span after every span added so far. */
  push(start: number, end: number, placeholder: string): void {
    if (isDigitAt(this.text, start - 1) && isDigitAt(this.text, start)) this.cuts.push(start);
    if (isDigitAt(this.text, end - 1) && isDigitAt(this.text, end)) this.cuts.push(end);
    this.starts.push(start);
    this.ends.push(end);
    this.placeholders.push(placeholder);
  }

  /** The first span that ends after `at` (count when none does). */
  firstEndingAfter(at: number): number {
    return firstAbove(this.ends, this.ends.length, at);
  }

  /** Takes in another rule's spans, which never overlap these. */
  merge(other: MaskedSpans): void {
    if (other.count === 0) return;
    for (const at of other.cuts) this.cuts.push(at);
    if (this.count === 0 || other.start(0) >= this.end(this.count - 1)) {
      for (let k = 0; k < other.count; k++) {
        this.starts.push(other.starts[k]!);
        this.ends.push(other.ends[k]!);
        this.placeholders.push(other.placeholders[k]!);
      }
      return;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    const placeholders: string[] = [];
    let a = 0;
    let b = 0;
    while (a < this.count || b < other.count) {
      const fromThis = b >= other.count || (a < this.count && this.starts[a]! < other.starts[b]!);
      const src = fromThis ? this : other;
      const k = fromThis ? a++ : b++;
      starts.push(src.starts[k]!);
      ends.push(src.ends[k]!);
      placeholders.push(src.placeholders[k]!);
    }
    this.starts = starts;
    this.ends = ends;
    this.placeholders = placeholders;
  }

  /** The text with every span replaced by its placeholder. */
  render(): string {
    const n = this.starts.length;
    if (n === 0) return this.text;
    let out = '';
    let pos = 0;
    for (let k = 0; k < n; k++) {
      out += this.text.slice(pos, this.starts[k]) + this.placeholders[k]!;
      pos = this.ends[k]!;
    }
    return out + this.text.slice(pos);
  }
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}
