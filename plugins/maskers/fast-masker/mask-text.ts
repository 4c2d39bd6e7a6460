import type { MaskingSession } from '../../../core/plugins/plugin-api.js';
import type { DigitRuns } from './digit-runs.js';
import { MaskedSpans } from './masked-spans.js';
import type { MaskRule } from './rule.js';
import { type GapVisit, RuleStarts } from './rule-starts.js';

/** Where placeholders come from: the request's session, or a probe that only wants the spans. */
export type Placeholders = Pick<MaskingSession, 'placeholder'>;

/** Told where each masked value was in the original text (used by the evaluation). */
export type SpanListener = (start: number, end: number, tag: string) => void;

/**
 * Applies the rules in order, each on the parts of the text that no earlier rule masked (the gaps between
 * placeholders, each read as a text of its own), so an identifier an earlier (validated) rule took is never
 * re-read by a looser one. A rule's pattern is tried only where its matches can start (`RuleStarts`):
 * scanning the whole text once per rule was nearly all of the time on texts dense with numbers. `runs` are
 * the text's digit runs when the caller has read them already.
 */
export function maskText(
  text: string,
  rules: readonly MaskRule[],
  session: Placeholders,
  onSpan?: SpanListener,
  runs?: DigitRuns,
): string {
  const masked = new MaskedSpans(text);
  const found = new MaskedSpans(text);
  const starts = new RuleStarts(text, rules, runs);
  const stickies = stickyOf(rules);
  let rule = rules[0]!;
  let sticky = /$/y;
  const visit: GapVisit = (from, to, at, lo, hi) =>
    applyRule(text.slice(from, to), from, at, lo, hi, rule, sticky, session, found, onSpan);
  for (let n = 0; n < rules.length; n++) {
    const r = rules[n]!;
    if (!starts.mayMatch(r)) continue;
    rule = r;
    sticky = stickies[n]!;
    starts.forEachGap(r, masked, visit);
    if (found.count === 0) continue;
    masked.merge(found);
    starts.masked(found);
    found.clear();
  }
  return masked.render();
}

const STICKY = new WeakMap<readonly MaskRule[], RegExp[]>();

/** Each rule's pattern made sticky (to be tried at one position), compiled once per rule list. */
function stickyOf(rules: readonly MaskRule[]): RegExp[] {
  let list = STICKY.get(rules);
  if (list === undefined) {
    list = rules.map((r) => new RegExp(r.pattern.source, `${r.pattern.flags.replace('g', '')}y`));
    STICKY.set(rules, list);
  }
  return list;
}

/**
 * Masks the rule's spans in one gap. Trying the pattern at the given starts finds the matches a scan of the
 * gap finds: every match begins at one of them, and a scan resumes after each match, as this does.
 */
function applyRule(
  text: string,
  from: number,
  starts: readonly number[] | null,
  lo: number,
  hi: number,
  r: MaskRule,
  sticky: RegExp,
  session: Placeholders,
  found: MaskedSpans,
  onSpan?: SpanListener,
): void {
  let pos = 0;
  const take = (m: RegExpExecArray) => {
    for (const span of r.spans(m)) {
      if (span.start < pos || span.end <= span.start) continue;
      const start = from + span.start;
      const end = from + span.end;
      found.push(start, end, session.placeholder(span.tag, text.slice(span.start, span.end)));
      onSpan?.(start, end, span.tag);
      pos = span.end;
    }
  };
  if (starts === null) {
    const re = r.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0] === '') re.lastIndex++;
      else take(m);
    }
    return;
  }
  const re = sticky;
  let resume = 0;
  for (let k = lo; k < hi; k++) {
    const local = starts[k]! - from;
    if (local < resume) continue;
    re.lastIndex = local;
    const m = re.exec(text);
    if (m === null) continue;
    resume = local + Math.max(1, m[0].length);
    if (m[0] !== '') take(m);
  }
}
