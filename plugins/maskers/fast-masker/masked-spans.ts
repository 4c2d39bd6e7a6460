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

  /**
   * Takes in another rule's spans, which never overlap these: merged in place from the end, so the spans
   * before the other's first stay where they are (each rule's merge used to copy every span into new arrays).
   */
  merge(other: MaskedSpans): void {
    const n = other.count;
    if (n === 0) return;
    for (const at of other.cuts) this.cuts.push(at);
    const { starts, ends, placeholders } = this;
    let i = starts.length - 1;
    for (let k = 0; k < n; k++) {
      starts.push(0);
      ends.push(0);
      placeholders.push('');
    }
    for (let j = n - 1, k = starts.length - 1; j >= 0; k--) {
      if (i >= 0 && starts[i]! > other.starts[j]!) {
        starts[k] = starts[i]!;
        ends[k] = ends[i]!;
        placeholders[k] = placeholders[i]!;
        i--;
      } else {
        starts[k] = other.starts[j]!;
        ends[k] = other.ends[j]!;
        placeholders[k] = other.placeholders[j]!;
        j--;
      }
    }
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
