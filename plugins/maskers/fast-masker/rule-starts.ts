import { DigitRuns } from './digit-runs.js';
import type { MaskedSpans } from './masked-spans.js';
import type { MaskRule, RunAnchor } from './rule.js';
import { RunCandidates } from './run-index.js';

/**
 * Visits one gap between placeholders: [from, to) of the text, and where the rule's matches in it can start
 * (`starts[lo..hi)`, ascending, repeats possible), or `starts` null when the gap is to be scanned whole.
 */
export type GapVisit = (from: number, to: number, starts: readonly number[] | null, lo: number, hi: number) => void;

const HAS_DIGIT = /\d/;
const NONE = new Uint8Array(0);
/** Shared by every text, like the runs' own arrays. */
let deadScratch = new Uint8Array(256);

/** Where, in one text, each rule's matches can start: read from its digit runs or from a literal's places. */
export class RuleStarts {
  private digitRuns: DigitRuns | undefined;
  private candidates: RunCandidates | undefined;
  /** Runs a placeholder touches (later rules need not read them), and how many runs are not. */
  private dead: Uint8Array = NONE;
  private liveCount = 0;
  private digits: boolean | undefined;
  private readonly collector = new StartCollector();

  constructor(
    readonly text: string,
    private readonly rules: readonly MaskRule[],
    /** The text's digit runs, when already read (they are read on first use otherwise). */
    private readonly given?: DigitRuns,
  ) {
    if (given !== undefined) this.digits = given.count > 0;
  }

  private get runs(): DigitRuns {
    if (this.digitRuns === undefined) {
      const runs = this.given ?? DigitRuns.of(this.text);
      this.digitRuns = runs;
      this.candidates = RunCandidates.of(runs, this.rules);
      if (deadScratch.length < runs.count) deadScratch = new Uint8Array(runs.count * 2);
      this.dead = deadScratch;
      this.dead.fill(0, 0, runs.count);
      this.liveCount = runs.count;
    }
    return this.digitRuns;
  }

  /** Marks the runs a rule's new spans touch (the spans are in text order). */
  masked(found: MaskedSpans): void {
    const runs = this.digitRuns;
    if (runs === undefined || found.count === 0) return;
    const { start, count } = runs;
    const dead = this.dead;
    for (let k = 0; k < found.count; k++) {
      const to = found.ends[k]!;
      for (let i = runs.firstEndingAfter(found.starts[k]!); i < count && start[i]! < to; i++) {
        if (dead[i] === 0) this.liveCount--;
        dead[i] = 1;
      }
    }
  }

  /**
   * False when the text has nothing the rule can match: no digit it needs, no trace of its hint. A rule with
   * anchors or literals skips the hint: they are a finer test, and some hints cost as much as a scan.
   */
  mayMatch(r: MaskRule): boolean {
    if (r.needsDigit) {
      this.digits ??= HAS_DIGIT.test(this.text);
      if (!this.digits) return false;
    }
    return r.hint === undefined || r.anchor !== undefined || r.startsAt !== undefined || r.hint.test(this.text);
  }

  /** Visits, in text order, every gap of `masked` in which the rule can match. */
  forEachGap(r: MaskRule, masked: MaskedSpans, visit: GapVisit): void {
    if (r.anchor && !(r.anchor.scanWhole?.(this.text) ?? false)) {
      // Once every run is under a placeholder, no anchored rule has anywhere to start.
      if (this.runs && this.liveCount === 0 && masked.cuts.length === 0) return;
      if (masked.cuts.length === 0 && !this.candidates!.mayHave(r.anchor)) return;
      this.visitStarts(this.anchorStarts(r.anchor, masked), masked, visit);
      return;
    }
    if (r.startsAt) {
      this.visitStarts(this.literalStarts(r.startsAt), masked, visit);
      return;
    }
    this.forEachWholeGap(r, masked, visit);
  }

  /** Visits every gap the rule's hint and digit tests let through, to be scanned whole. */
  private forEachWholeGap(r: MaskRule, masked: MaskedSpans, visit: GapVisit): void {
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
    const out: number[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m !== null; m = pattern.exec(this.text)) out.push(m.index);
    return out;
  }

  /**
   * The starts the anchor gives, each cut to the gap its run lies in. A run a placeholder cuts is asked about
   * each of its parts, its tests skipped (they were made for the whole run; cuts are rare: rules end their
   * spans at non-digits).
   */
  private anchorStarts(anchor: RunAnchor, masked: MaskedSpans): number[] {
    const runs = this.runs;
    const out = this.collector.reset(anchor, runs);
    const { shortest, longest, chain, next, prev, touch, refuse, runs: keep } = anchor;
    const { start, end, chainDigits, codes } = runs;
    const dead = this.dead;
    const index = this.candidates!;
    const bit = index.bitOf(anchor);
    const list = index.list(bit);
    const lo = index.lo(bit);
    const hi = index.hi(bit);
    const spanStart = masked.starts;
    const spanEnd = masked.ends;
    const spans = masked.count;
    const length = this.text.length;
    let k = 0;
    // Runs a placeholder covers or cuts are dead: the cut ones are asked below.
    for (let m = lo; m < hi; m++) {
      const i = list[m]!;
      if (dead[i] === 1) continue;
      const s = start[i]!;
      const n = end[i]! - s;
      if (n < shortest || n > longest || chainDigits[i]! < chain) continue;
      const after = s + n < length ? codes[s + n]! : Number.NaN;
      if (next !== undefined && !next.has(after)) continue;
      while (k < spans && spanEnd[k]! <= s) k++;
      const gapFrom = k > 0 ? spanEnd[k - 1]! : 0;
      const before = s > gapFrom ? codes[s - 1]! : Number.NaN;
      if (prev !== undefined && !prev.has(before)) continue;
      if (refuse?.has(before)) continue;
      if (touch !== undefined && !touch.has(before) && !touch.has(after)) continue;
      const gapTo = k < spans ? spanStart[k]! : length;
      if (keep !== undefined && !keep(runs, i, gapFrom, gapTo)) continue;
      out.ask(i, gapFrom, gapTo);
    }
    for (const at of masked.cuts) {
      const i = runs.firstEndingAfter(at - 1);
      this.askParts(i, masked.firstEndingAfter(start[i]!), masked);
    }
    return out.sorted();
  }

  /** Asks about each part of run i outside placeholders; span k is the first that ends after the run starts. */
  private askParts(i: number, k: number, masked: MaskedSpans): void {
    const runs = this.runs;
    let cursor = runs.start[i]!;
    let gapFrom = k > 0 ? masked.end(k - 1) : 0;
    while (cursor < runs.end[i]!) {
      if (k < masked.count && masked.start(k) <= cursor) {
        cursor = gapFrom = masked.end(k++);
        continue;
      }
      const gapTo = k < masked.count ? masked.start(k) : this.text.length;
      this.collector.ask(i, gapFrom, gapTo);
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

/** Collects one rule's starts, each moved into the gap it is asked about. */
class StartCollector {
  private from = 0;
  private to = 0;
  private inOrder = true;
  private anchor: RunAnchor | undefined;
  private runs: DigitRuns | undefined;
  /** Given to the anchors (made once: a closure per rule and text was a tenth of the time on short texts). */
  readonly push = (at: number): void => {
    const p = Math.max(at, this.from);
    if (p >= this.to) return;
    const out = this.out;
    if (out.length > 0 && p < out[out.length - 1]!) this.inOrder = false;
    out.push(p);
  };

  private out: number[] = [];

  reset(anchor: RunAnchor, runs: DigitRuns): this {
    this.out = [];
    this.inOrder = true;
    this.anchor = anchor;
    this.runs = runs;
    return this;
  }

  ask(i: number, from: number, to: number): void {
    this.from = from;
    this.to = to;
    const runs = this.runs!;
    if (this.anchor!.starts) this.anchor!.starts(runs, i, from, to, this.push);
    else this.push(Math.max(runs.start[i]!, from));
  }

  sorted(): number[] {
    if (!this.inOrder) this.out.sort((a, b) => a - b);
    return this.out;
  }
}
