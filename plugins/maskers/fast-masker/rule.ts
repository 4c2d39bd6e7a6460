/** A part of a text to replace by a placeholder with this tag. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly tag: string;
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
  /** The spans to mask in one match (offsets in the searched text); none leaves the match alone. */
  spans(match: RegExpExecArray): Span[];
}

interface RuleOptions {
  /** Which capture group is the value (default: the whole match). */
  readonly group?: number;
  readonly hint?: RegExp;
  readonly validate?: (value: string, match: RegExpExecArray) => boolean;
  readonly needsDigit?: boolean;
}

/** The usual rule: mask the match (or one group of it) when it passes `validate`. */
export function rule(tag: string, pattern: RegExp, options: RuleOptions = {}): MaskRule {
  const { group = 0, validate, needsDigit = true, hint } = options;
  return {
    tag,
    pattern,
    needsDigit,
    ...(hint ? { hint } : {}),
    spans(m) {
      const value = m[group];
      if (value === undefined || value === '') return [];
      if (validate && !validate(value, m)) return [];
      const start = group === 0 ? m.index : m.index + m[0].indexOf(value);
      return [{ start, end: start + value.length, tag }];
    },
  };
}
