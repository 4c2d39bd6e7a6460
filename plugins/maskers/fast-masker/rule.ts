/** A part of a text to replace by a placeholder with this tag. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly tag: string;
}

import type { CharSet } from './char-set.js';
import type { DigitRuns } from './digit-runs.js';

/**
 * Where a rule's matches can start, read from the text's digit runs: the engine tries the pattern there
 * (sticky) instead of scanning the whole text. Every start a match can have must be given; extra ones cost
 * only time. Positions are in the searched text; a segment [from, to) of it is being searched.
 */
export interface Anchor {
  /** The lengths a run a match can begin with may have (inclusive); tested first, being cheapest. */
  readonly lengths?: readonly [number, number];
  /** How many digits the grouped number a match begins with has at least (`DigitRuns.chainDigits`). */
  readonly chain?: number;
  // Tests of the characters next to the run, made in line for every run (a call per run costs more).
  /** The character right after the run is one of these. */
  readonly next?: CharSet;
  /** The character right before the run is one of these. */
  readonly prev?: CharSet;
  /** The character before the run or the one after it is one of these. */
  readonly touch?: CharSet;
  /** The character before the run is none of these (the pattern's negative lookbehind). */
  readonly refuse?: CharSet;
  /**
   * Runs worth asking `starts` about: a cheap necessary condition. The gap being searched is [from, to): what
   * stands before it or from `to` on is a placeholder's text, which the pattern does not see (read it as
   * nothing, where a test asks that something is not there, like a lookahead).
   */
  readonly runs?: (runs: DigitRuns, i: number, from: number, to: number) => boolean;
  /** Where a match containing run i can start, ascending; default: the run's start. */
  readonly starts?: (runs: DigitRuns, i: number, from: number, to: number, push: (at: number) => void) => void;
  /** A text for which this holds may have matches without the anchors' digits: the rule scans it whole. */
  readonly scanWhole?: (text: string) => boolean;
  /**
   * Words a match beginning with the run has next to it, one of them at least (read by the run index on its
   * two-character keys, `word-keys.ts`): `before` ends right before the run, past whitespace and one `.`;
   * `after` begins right after it, past one `.` and whitespace; `afterChain` the same after the grouped
   * number the run begins. Only a cheap filter: `runs` must still be a test of its own.
   */
  readonly near?: NearWords;
}

export interface NearWords {
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  readonly afterChain?: readonly string[];
}

/** An anchor with every field present: one object shape, so the engine's reads of it stay fast. */
export class RunAnchor {
  readonly shortest: number;
  readonly longest: number;
  readonly chain: number;
  readonly next: CharSet | undefined;
  readonly prev: CharSet | undefined;
  readonly touch: CharSet | undefined;
  readonly refuse: CharSet | undefined;
  readonly runs: Anchor['runs'];
  readonly starts: Anchor['starts'];
  readonly scanWhole: Anchor['scanWhole'];
  readonly near: NearWords | undefined;
  /** The run index's bit for this anchor in the tables last asked (a Map lookup per rule and text cost 7 %). */
  bitTables: object | undefined = undefined;
  bit = -1;

  constructor(spec: Anchor) {
    this.shortest = spec.lengths?.[0] ?? 1;
    this.longest = spec.lengths?.[1] ?? Number.MAX_SAFE_INTEGER;
    this.chain = spec.chain ?? 0;
    this.next = spec.next;
    this.prev = spec.prev;
    this.touch = spec.touch;
    this.refuse = spec.refuse;
    this.runs = spec.runs;
    this.starts = spec.starts;
    this.scanWhole = spec.scanWhole;
    this.near = spec.near;
  }
}

/** One kind of identifier: a pattern to find candidates and a check that decides what to mask. */
export interface MaskRule {
  readonly tag: string;
  /** Global regular expression, compiled once. */
  readonly pattern: RegExp;
  /** Most rules look for digits: a text without any skips them. */
  readonly needsDigit: boolean;
  /**
   * A cheap pattern every match necessarily contains (`@` for e-mail): a text without it skips the rule.
   * The full patterns are slow to scan (lookbehinds, long alternations); most texts have no candidates.
   */
  readonly hint?: RegExp;
  /** Where matches can start, read from digit runs; a rule without one (or `startsAt`) scans each gap whole. */
  readonly anchor?: RunAnchor;
  /** A literal every match begins with (global): the pattern is tried only where it occurs. */
  readonly startsAt?: RegExp;
  /** The spans to mask in one match (offsets in the searched text); none leaves the match alone. */
  spans(match: RegExpExecArray): Span[];
}

interface RuleOptions {
  /** Which capture group is the value (default: the whole match). */
  readonly group?: number;
  readonly hint?: RegExp;
  readonly validate?: (value: string, match: RegExpExecArray) => boolean;
  readonly needsDigit?: boolean;
  readonly anchor?: Anchor;
  readonly startsAt?: RegExp;
}

/** The usual rule: mask the match (or one group of it) when it passes `validate`. */
export function rule(tag: string, pattern: RegExp, options: RuleOptions = {}): MaskRule {
  const { group = 0, validate, needsDigit = true, hint, anchor, startsAt } = options;
  return {
    tag,
    pattern,
    needsDigit,
    ...(hint ? { hint } : {}),
    ...(anchor ? { anchor: new RunAnchor(anchor) } : {}),
    ...(startsAt ? { startsAt } : {}),
    spans(m) {
      const value = m[group];
      if (value === undefined || value === '') return [];
      if (validate && !validate(value, m)) return [];
      // Most groups are the whole match (the lookarounds take no characters): no search for them.
      const start = group === 0 || value.length === m[0].length ? m.index : m.index + m[0].indexOf(value);
      return [{ start, end: start + value.length, tag }];
    },
  };
}
