import { firstAbove } from './first-above.js';

const NONE = new Int32Array(0);

/** The parts of a text already replaced by placeholders, in text order. */
export class MaskedSpans {
  /** Where each span starts and ends, ascending, in [0, count) (read-only outside this class). */
  starts: Int32Array = NONE;
  ends: Int32Array = NONE;
  count = 0;
  private placeholders: string[] = [];
  /** Span edges that fall inside a run of digits (rare: rules end their spans at non-digits). */
  cuts: number[] = [];

  constructor(readonly text: string) {}

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  clear(): void {
    this.count = 0;
    this.placeholders.length = 0;
    if (this.cuts.length > 0) this.cuts = [];
  }

  /** Adds a span after every span added so far. */
  push(start: number, end: number, placeholder: string): void {
    if (isDigitAt(this.text, start - 1) && isDigitAt(this.text, start)) this.cuts.push(start);
    if (isDigitAt(this.text, end - 1) && isDigitAt(this.text, end)) this.cuts.push(end);
    const k = this.count;
    this.reserve(k + 1);
    this.starts[k] = start;
    this.ends[k] = end;
    this.placeholders.push(placeholder);
    this.count = k + 1;
  }

  /** The first span that ends after `at` (count when none does). */
  firstEndingAfter(at: number): number {
    return firstAbove(this.ends, this.count, at);
  }

  /**
   * Takes in another rule's spans, which never overlap these: merged in place from the end, so the spans
   * before the other's first stay where they are (each rule's merge used to copy every span into new arrays).
   */
  merge(other: MaskedSpans): void {
    const n = other.count;
    if (n === 0) return;
    for (const at of other.cuts) this.cuts.push(at);
    let i = this.count - 1;
    const total = this.count + n;
    this.reserve(total);
    const { starts, ends, placeholders } = this;
    for (let k = 0; k < n; k++) placeholders.push('');
    for (let j = n - 1, k = total - 1; j >= 0; k--) {
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
    this.count = total;
  }

  private reserve(size: number): void {
    if (size <= this.starts.length) return;
    const capacity = Math.max(16, size * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.count));
    ends.set(this.ends.subarray(0, this.count));
    this.starts = starts;
    this.ends = ends;
  }

  /** The text with every span replaced by its placeholder. */
  render(): string {
    const n = this.count;
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
