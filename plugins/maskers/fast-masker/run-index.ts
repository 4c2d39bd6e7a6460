import type { CharSet } from './char-set.js';
import type { DigitRuns } from './digit-runs.js';
import type { MaskRule, RunAnchor } from './rule.js';
import { afterKey, allowedKeys, beforeKey, KEYS } from './word-keys.js';

/**
 * Sorts a text's digit runs into each anchored rule's candidates in one pass. Each rule reading every run
 * for its tests of length, chain and neighbours was a third of the masker's time on texts dense with numbers
 * (26 rules × 9,400 runs, a quarter of a million tests, for about 59,000 candidates): here those tests are
 * bit tables over the rules of a list, and a run's candidacy is five lookups and ANDs for all rules at once.
 *
 * The tables accept a superset of what the exact tests accept (a code beyond ASCII passes every table, a
 * run's real neighbour is read even where a placeholder will stand before it, a `refuse` set is not read):
 * the engine still makes every exact test on the candidates.
 */

// Run lengths and chain digits at or above this share the last slot; char codes beyond ASCII (and NaN,
// nothing there) share OTHER.
const CAP = 32;
const OTHER = 128;
// Two 32-bit words of bits: a rule list has more than 32 anchored rules, and one without a bit reads every run.
const BITS = 64;

/**
 * The anchors of one rule list as bit tables; the first 64 anchors get a bit, any later one has none. Each
 * table holds two words per slot, side by side (slot × 2 for bits 0–31, slot × 2 + 1 for bits 32–63).
 */
export class AnchorTables {
  private readonly bits = new Map<RunAnchor, number>();
  readonly length = new Int32Array((CAP + 1) * 2);
  readonly chain = new Int32Array((CAP + 1) * 2);
  readonly next = new Int32Array((OTHER + 1) * 2);
  readonly prev = new Int32Array((OTHER + 1) * 2);
  readonly touchBefore = new Int32Array((OTHER + 1) * 2);
  readonly touchAfter = new Int32Array((OTHER + 1) * 2);
  /** By the keys of the words next to a run (`word-keys.ts`): before it, after it, after its chain (ORed). */
  readonly nearBefore = new Int32Array(KEYS * 2);
  readonly nearAfter = new Int32Array(KEYS * 2);
  readonly nearChain = new Int32Array(KEYS * 2);
  /** The bits of the anchors that name words, per word: a run none of them takes needs no keys read. */
  nearBits = 0;
  nearBitsHigh = 0;

  constructor(rules: readonly MaskRule[]) {
    for (const r of rules) {
      const a = r.anchor;
      if (a === undefined || this.bits.has(a) || this.bits.size === BITS) continue;
      const n = this.bits.size;
      const bit = 1 << (n & 31);
      const w = n >> 5;
      this.bits.set(a, n);
      for (let x = 0; x <= CAP; x++) {
        // The last slot holds every length from CAP up: it passes an anchor that takes any of them.
        if (x === CAP ? a.longest >= CAP : x >= a.shortest && x <= a.longest) this.length[x * 2 + w]! |= bit;
        if (x >= a.chain || x === CAP) this.chain[x * 2 + w]! |= bit;
      }
      for (let c = 0; c <= OTHER; c++) {
        const at = c * 2 + w;
        if (passes(a.next, c)) this.next[at]! |= bit;
        if (passes(a.prev, c)) this.prev[at]! |= bit;
        // Without a touch set, the before half passes alone (the two halves are ORed).
        if (a.touch === undefined || passes(a.touch, c)) this.touchBefore[at]! |= bit;
        if (a.touch !== undefined && passes(a.touch, c)) this.touchAfter[at]! |= bit;
      }
      this.addNear(a, bit, w);
    }
  }

  private addNear(a: RunAnchor, bit: number, w: number): void {
    const near = a.near;
    // Without words, the before table passes alone (the three are ORed).
    if (near === undefined) {
      for (let k = 0; k < KEYS; k++) this.nearBefore[k * 2 + w]! |= bit;
      return;
    }
    if (w === 0) this.nearBits |= bit;
    else this.nearBitsHigh |= bit;
    const sides: Array<[readonly string[] | undefined, boolean, Int32Array]> = [
      [near.before, false, this.nearBefore],
      [near.after, true, this.nearAfter],
      [near.afterChain, true, this.nearChain],
    ];
    for (const [words, after, table] of sides) {
      if (words === undefined) continue;
      const allowed = allowedKeys(words, after);
      for (let k = 0; k < KEYS; k++) if (allowed[k] === 1) table[k * 2 + w]! |= bit;
    }
  }

  /** The anchor's bit number, or -1 when it has none (its candidates are all runs). */
  bitOf(anchor: RunAnchor): number {
    if (anchor.bitTables === this) return anchor.bit;
    anchor.bitTables = this;
    anchor.bit = this.bits.get(anchor) ?? -1;
    return anchor.bit;
  }

  /** How many anchors have a bit. */
  get size(): number {
    return this.bits.size;
  }

  static of(rules: readonly MaskRule[]): AnchorTables {
    let tables = TABLES.get(rules);
    if (tables === undefined) {
      tables = new AnchorTables(rules);
      TABLES.set(rules, tables);
    }
    return tables;
  }
}

const TABLES = new WeakMap<readonly MaskRule[], AnchorTables>();

function passes(set: CharSet | undefined, c: number): boolean {
  return set === undefined || c === OTHER || set.has(c);
}

/**
 * The candidates of every bit, shared by every text like `DigitRuns`' own arrays (a text's rules all run
 * before the next text's begin): bit b's lie from b × (the text's run count) on, in text order, so one pass
 * over the runs files them all (counting first and filing after took a second pass).
 */
let lanes = new Int32Array(4096);

/** How many digit runs a text has before its runs are sorted: on fewer, reading every run costs less. */
const INDEX_FROM = 64;
/**
 * The most lane slots (bits × runs, 16 MB) the index may take: a text with more runs (well over a megabyte
 * of dense numbers) is read without it, each rule reading every run, slower but in bounded memory.
 */
const MOST_SLOTS = 1 << 22;
const NO_COUNTS = new Int32Array(0);

/** Each anchored rule's candidate runs in one text; valid until the next text's are read. */
export class RunCandidates {
  /** How many candidates each bit has (from `bit × runs.count` in `items`). */
  private readonly counts: Int32Array = NO_COUNTS;
  private items: Int32Array = lanes;

  /** The candidates of a text's runs under a list's rules: every run for each rule on a short text (or a huge one). */
  static of(runs: DigitRuns, rules: readonly MaskRule[]): RunCandidates {
    const tables = AnchorTables.of(rules);
    if (runs.count < INDEX_FROM) return new RunCandidates(runs, tables, false);
    return new RunCandidates(runs, tables.size * runs.count <= MOST_SLOTS ? tables : undefined, true);
  }

  /** On a short text, the bits some run passes (low and high word): a rule whose bit none passes is skipped. */
  private anyLow = -1;
  private anyHigh = -1;

  private constructor(
    private readonly runs: DigitRuns,
    private readonly tables: AnchorTables | undefined,
    /** Whether the candidates are filed (a long text) or only which rules have any is kept (a short one). */
    private readonly filed: boolean,
  ) {
    if (tables === undefined) return;
    const { count, start, end, chainDigits, chainEnd, codes } = runs;
    const textLength = runs.text.length;
    if (filed) {
      this.counts = new Int32Array(BITS);
      if (lanes.length < tables.size * count) lanes = new Int32Array(Math.min(MOST_SLOTS, tables.size * count * 2));
    }
    let anyLow = 0;
    let anyHigh = 0;
    const items = lanes;
    const counts = this.counts;
    const { length, chain, next, prev, touchBefore, touchAfter, nearBefore, nearAfter, nearChain } = tables;
    const { nearBits, nearBitsHigh } = tables;
    for (let i = 0; i < count; i++) {
      const s = start[i]!;
      const e = end[i]!;
      const b = s > 0 ? codes[s - 1]! : Number.NaN;
      const a = e < textLength ? codes[e]! : Number.NaN;
      const bi = (b < 128 ? b : OTHER) * 2;
      const ai = (a < 128 ? a : OTHER) * 2;
      const li = Math.min(e - s, CAP) * 2;
      const ci = Math.min(chainDigits[i]!, CAP) * 2;
      let m = length[li]! & chain[ci]! & next[ai]! & prev[bi]! & (touchBefore[bi]! | touchAfter[ai]!);
      let h =
        length[li + 1]! & chain[ci + 1]! & next[ai + 1]! & prev[bi + 1]! & (touchBefore[bi + 1]! | touchAfter[ai + 1]!);
      if ((m & nearBits) !== 0 || (h & nearBitsHigh) !== 0) {
        const c = chainEnd[i]!;
        const ak = afterKey(codes, textLength, e);
        const bk = beforeKey(codes, s) * 2;
        const ck = (c === e ? ak : afterKey(codes, textLength, c)) * 2;
        m &= nearBefore[bk]! | nearAfter[ak * 2]! | nearChain[ck]!;
        h &= nearBefore[bk + 1]! | nearAfter[ak * 2 + 1]! | nearChain[ck + 1]!;
      }
      if (!filed) {
        anyLow |= m;
        anyHigh |= h;
        continue;
      }
      while (m !== 0) {
        const bit = 31 - Math.clz32(m & -m);
        items[bit * count + counts[bit]!++] = i;
        m &= m - 1;
      }
      while (h !== 0) {
        const bit = 63 - Math.clz32(h & -h);
        items[bit * count + counts[bit]!++] = i;
        h &= h - 1;
      }
    }
    this.items = items;
    this.anyLow = anyLow;
    this.anyHigh = anyHigh;
  }

  /**
   * False when no run of the text can be a candidate of the anchor (the tables accept a superset of what its
   * tests do): its rule has nowhere to start, unless a placeholder cuts a run (cut parts skip the tests).
   */
  mayHave(anchor: RunAnchor): boolean {
    const bit = this.tables === undefined ? -1 : this.tables.bitOf(anchor);
    if (bit < 0) return true;
    if (this.filed) return this.counts[bit]! > 0;
    return ((bit < 32 ? this.anyLow : this.anyHigh) & (1 << (bit & 31))) !== 0;
  }

  /** The anchor's bit, or -1 when its candidates are every run (a short or huge text, or no bit left for it). */
  bitOf(anchor: RunAnchor): number {
    return this.tables === undefined || !this.filed ? -1 : this.tables.bitOf(anchor);
  }

  /** Where a bit's candidates lie in `list`: [lo, hi), ascending. */
  lo(bit: number): number {
    return bit >= 0 ? bit * this.runs.count : 0;
  }

  hi(bit: number): number {
    return bit >= 0 ? bit * this.runs.count + this.counts[bit]! : this.runs.count;
  }

  /** The list the bounds are read in: every run, in order, for an anchor without a bit. */
  list(bit: number): Int32Array {
    return bit >= 0 ? this.items : everyRun(this.runs.count);
  }
}

let identity = new Int32Array(0);

/** 0, 1, 2, … up to at least `count` (made once, grown when a text has more runs). */
function everyRun(count: number): Int32Array {
  if (identity.length < count) {
    identity = new Int32Array(Math.max(count * 2, 256));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity;
}
