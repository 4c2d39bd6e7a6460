import { DigitRuns } from './digit-runs.js';
import type { MaskedSpans } from './masked-spans.js';
import type { Anchor, MaskRule } from './rule.js';

/**
 * Visits one gap between placeholders: [from, to) of the text, and where the rule's matches in it can start
 * (`starts[lo..hi)`, ascending, repeats possible), or `starts` null when the gap is to be scanned whole.
 */
export type GapVisit = (from: number, to: number, starts: readonly number[] | null, lo: number, hi: number) => void;

const HAS_DIGIT = /\d/;

/** Where, in one text, each rule's matches can start: read from its digit runs or from a literal's places. */
export class RuleStarts {
  private digitRuns: DigitRuns | undefined;
  private digits: boolean | undefined;
  private readonly buffer: number[] = [];

  constructor(readonly text: string) {}

  private get runs(): DigitRuns {
    this.digitRuns ??= DigitRuns.of(this.text);
    return this.digitRuns;
  }

  /**
   * False when the text has nothing the rule can match: no digit it needs, no trace of its hint. An anchored
   * rule skips the hint: its runs are a finer test, and some hints cost as much as a scan.
   */
  mayMatch(r: MaskRule): boolean {
    if (r.needsDigit) {
      this.digits ??= HAS_DIGIT.test(this.text);
      if (!this.digits) return false;
    }
    return r.hint === undefined || r.anchor !== undefined || r.hint.test(this.text);
  }

  /** Visits, in text order, every gap of `masked` in which the rule can match. */
  forEachGap(r: MaskRule, masked: MaskedSpans, visit: GapVisit): void {
    if (r.anchor && !(r.anchor.scanWhole?.(this.text) ?? false)) {
      this.visitStarts(this.anchorStarts(r.anchor, masked), masked, visit);
      return;
    }
    if (r.startsAt) {
      this.visitStarts(this.literalStarts(r.startsAt), masked, visit);
      return;
    }
    let from = 0;
    for (let k = 0; k <= masked.count; k++) {
      const to = k < masked.count ? masked.start(k) : this.text.length;
      if (to > from) {
        const gap = this.text.slice(from, to);
        if ((!r.needsDigit || HAS_DIGIT.test(gap)) && (r.hint === undefined || r.hint.test(gap)))
          visit(from, to, null, 0, 0);
      }
      if (k < masked.count) from = masked.end(k);
    }
  }

  private literalStarts(pattern: RegExp): number[] {
    const out = this.buffer;
    out.length = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m !== null; m = pattern.exec(this.text)) out.push(m.index);
    return out;
  }

  /**
   * The starts the anchor gives, each cut to the gap its run lies in. A run a placeholder cuts is asked about
   * each of its parts, its tests skipped (they were made for the whole run; cuts are rare: rules end their
   * spans at non-digits).
   */
  private anchorStarts(anchor: Anchor, masked: MaskedSpans): number[] {
    const runs = this.runs;
    const out = this.buffer;
    out.length = 0;
    let sorted = true;
    let from = 0;
    let to = 0;
    const push = (at: number) => {
      const p = Math.max(at, from);
      if (p >= to) return;
      if (out.length > 0 && p < out[out.length - 1]!) sorted = false;
      out.push(p);
    };
    const ask = (i: number, gapFrom: number, gapTo: number) => {
      from = gapFrom;
      to = gapTo;
      if (anchor.starts) anchor.starts(runs, i, from, to, push);
      else push(Math.max(runs.start[i]!, from));
    };
    const [shortest, longest] = anchor.lengths ?? [1, Number.MAX_SAFE_INTEGER];
    const chain = anchor.chain ?? 0;
    const { next, prev, touch, refuse, runs: keep } = anchor;
    const text = this.text;
    const { start, end, chainDigits, count } = runs;
    const spanStart = masked.starts;
    const spanEnd = masked.ends;
    const spans = spanStart.length;
    const length = this.text.length;
    let k = 0;
    for (let i = 0; i < count; i++) {
      const s = start[i]!;
      const n = end[i]! - s;
      if (n < shortest || n > longest || chainDigits[i]! < chain) continue;
      const after = text.charCodeAt(s + n);
      if (next !== undefined && !next.has(after)) continue;
      while (k < spans && spanEnd[k]! <= s) k++;
      // Inside a placeholder, or cut by one: the cut runs are asked below.
      if (k < spans && spanStart[k]! < s + n) continue;
      const gapFrom = k > 0 ? spanEnd[k - 1]! : 0;
      const before = s > gapFrom ? text.charCodeAt(s - 1) : Number.NaN;
      if (prev !== undefined && !prev.has(before)) continue;
      if (refuse?.has(before)) continue;
      if (touch !== undefined && !touch.has(before) && !touch.has(after)) continue;
      if (keep !== undefined && !keep(runs, i, gapFrom)) continue;
      ask(i, gapFrom, k < spans ? spanStart[k]! : length);
    }
    for (const at of masked.cuts) {
      const i = runs.firstEndingAfter(at - 1);
      this.askParts(i, masked.firstEndingAfter(start[i]!), masked, ask);
    }
    if (!sorted) out.sort((a, b) => a - b);
    return out;
  }

  /** Asks about each part of run i outside placeholders; span k is the first that ends after the run starts. */
  private askParts(i: number, k: number, masked: MaskedSpans, ask: (i: number, from: number, to: number) => void) {
    const runs = this.runs;
    let cursor = runs.start[i]!;
    let gapFrom = k > 0 ? masked.end(k - 1) : 0;
    while (cursor < runs.end[i]!) {
      if (k < masked.count && masked.start(k) <= cursor) {
        cursor = gapFrom = masked.end(k++);
        continue;
      }
      const gapTo = k < masked.count ? masked.start(k) : this.text.length;
      ask(i, gapFrom, gapTo);
      cursor = gapTo;
    }
  }

  /** Groups ascending starts by the gap each lies in; starts inside a placeholder are dropped. */
  private visitStarts(starts: readonly number[], masked: MaskedSpans, visit: GapVisit): void {
    let k = 0;
    let lo = 0;
    while (lo < starts.length) {
      const p = starts[lo]!;
      while (k < masked.count && masked.end(k) <= p) k++;
      if (k < masked.count && masked.start(k) <= p) {
        lo++;
        continue;
      }
      const to = k < masked.count ? masked.start(k) : this.text.length;
      let hi = lo + 1;
      while (hi < starts.length && starts[hi]! < to) hi++;
      visit(k > 0 ? masked.end(k - 1) : 0, to, starts, lo, hi);
      lo = hi;
    }
  }
}
