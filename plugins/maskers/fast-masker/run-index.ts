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
const BITS = 32;

/** The anchors of one rule list as bit tables; the first 32 anchors get a bit, any later one has none. */
export class AnchorTables {
  private readonly bits = new Map<RunAnchor, number>();
  readonly length = new Int32Array(CAP + 1);
  readonly chain = new Int32Array(CAP + 1);
  readonly next = new Int32Array(OTHER + 1);
  readonly prev = new Int32Array(OTHER + 1);
  readonly touchBefore = new Int32Array(OTHER + 1);
  readonly touchAfter = new Int32Array(OTHER + 1);
  /** By the keys of the words next to a run (`word-keys.ts`): before it, after it, after its chain (ORed). */
  readonly nearBefore = new Int32Array(KEYS);
  readonly nearAfter = new Int32Array(KEYS);
  readonly nearChain = new Int32Array(KEYS);
  /** The bits of the anchors that name words: a run none of them takes needs no keys read. */
  nearBits = 0;

  constructor(rules: readonly MaskRule[]) {
    for (const r of rules) {
      const a = r.anchor;
      if (a === undefined || this.bits.has(a) || this.bits.size === BITS) continue;
      const bit = 1 << this.bits.size;
      this.bits.set(a, this.bits.size);
      for (let x = 0; x <= CAP; x++) {
        // The last slot holds every length from CAP up: it passes an anchor that takes any of them.
        if (x === CAP ? a.longest >= CAP : x >= a.shortest && x <= a.longest) this.length[x]! |= bit;
        if (x >= a.chain || x === CAP) this.chain[x]! |= bit;
      }
      for (let c = 0; c <= OTHER; c++) {
        if (passes(a.next, c)) this.next[c]! |= bit;
        if (passes(a.prev, c)) this.prev[c]! |= bit;
        // Without a touch set, the before half passes alone (the two halves are ORed).
        if (a.touch === undefined || passes(a.touch, c)) this.touchBefore[c]! |= bit;
        if (a.touch !== undefined && passes(a.touch, c)) this.touchAfter[c]! |= bit;
      }
      this.addNear(a, bit);
    }
  }

  private addNear(a: RunAnchor, bit: number): void {
    const near = a.near;
    // Without words, the before table passes alone (the three are ORed).
    if (near === undefined) {
      for (let k = 0; k < KEYS; k++) this.nearBefore[k]! |= bit;
      return;
    }
    this.nearBits |= bit;
    const sides: Array<[readonly string[] | undefined, boolean, Int32Array]> = [
      [near.before, false, this.nearBefore],
      [near.after, true, this.nearAfter],
      [near.afterChain, true, this.nearChain],
    ];
    for (const [words, after, table] of sides) {
      if (words === undefined) continue;
      const allowed = allowedKeys(words, after);
      for (let k = 0; k < KEYS; k++) if (allowed[k] === 1) table[k]! |= bit;
    }
  }

  /** The anchor's bit number, or -1 when it has none (its candidates are all runs). */
  bitOf(anchor: RunAnchor): number {
    return this.bits.get(anchor) ?? -1;
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
    if (runs.count < INDEX_FROM) return new RunCandidates(runs, undefined);
    const tables = AnchorTables.of(rules);
    return new RunCandidates(runs, tables.size * runs.count <= MOST_SLOTS ? tables : undefined);
  }

  private constructor(
    private readonly runs: DigitRuns,
    private readonly tables: AnchorTables | undefined,
  ) {
    if (tables === undefined) return;
    const { count, start, end, chainDigits, chainEnd, codes } = runs;
    const textLength = runs.text.length;
    this.counts = new Int32Array(BITS);
    if (lanes.length < tables.size * count) lanes = new Int32Array(Math.min(MOST_SLOTS, tables.size * count * 2));
    const items = lanes;
    const counts = this.counts;
    const { length, chain, next, prev, touchBefore, touchAfter, nearBefore, nearAfter, nearChain, nearBits } = tables;
    for (let i = 0; i < count; i++) {
      const s = start[i]!;
      const e = end[i]!;
      const b = s > 0 ? codes[s - 1]! : Number.NaN;
      const a = e < textLength ? codes[e]! : Number.NaN;
      const before = b < 128 ? b : OTHER;
      const after = a < 128 ? a : OTHER;
      let m =
        length[Math.min(e - s, CAP)]! &
        chain[Math.min(chainDigits[i]!, CAP)]! &
        next[after]! &
        prev[before]! &
        (touchBefore[before]! | touchAfter[after]!);
      if ((m & nearBits) !== 0) {
        const c = chainEnd[i]!;
        const ak = afterKey(codes, textLength, e);
        m &=
          nearBefore[beforeKey(codes, s)]! | nearAfter[ak]! | nearChain[c === e ? ak : afterKey(codes, textLength, c)]!;
      }
      while (m !== 0) {
        const bit = 31 - Math.clz32(m & -m);
        items[bit * count + counts[bit]!++] = i;
        m &= m - 1;
      }
    }
    this.items = items;
  }

  /** The anchor's bit, or -1 when its candidates are every run (a short or huge text, or no bit left for it). */
  bitOf(anchor: RunAnchor): number {
    return this.tables === undefined ? -1 : this.tables.bitOf(anchor);
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
