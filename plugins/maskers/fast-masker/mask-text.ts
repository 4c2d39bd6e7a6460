import type { MaskingSession } from '../../../core/plugins/plugin-api.js';
import type { MaskRule } from './rule.js';

interface Segment {
  readonly text: string;
  /** A placeholder already: later rules never look inside it. */
  readonly masked: boolean;
  /** Where the segment starts in the original text (for unmasked segments). */
  readonly at: number;
  /** Computed once: most rules need a digit, and asking per rule was a sixth of the time. */
  readonly hasDigit: boolean;
}

const plain = (text: string, at: number): Segment => ({ text, masked: false, at, hasDigit: HAS_DIGIT.test(text) });

const HAS_DIGIT = /\d/;

/** Where placeholders come from: the request's session, or a probe that only wants the spans. */
export type Placeholders = Pick<MaskingSession, 'placeholder'>;

/** Told where each masked value was in the original text (used by the evaluation). */
export type SpanListener = (start: number, end: number, tag: string) => void;

/**
 * Applies the rules in order, each on the parts of the text that no earlier rule masked, so an identifier
 * an earlier (validated) rule took is never re-read by a looser one.
 */
export function maskText(
  text: string,
  rules: readonly MaskRule[],
  session: Placeholders,
  onSpan?: SpanListener,
): string {
  let segments = proseCut(text);
  for (const r of rules) {
    let next: Segment[] | null = null;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const skip = seg.masked || (r.needsDigit && !seg.hasDigit) || (r.hint !== undefined && !r.hint.test(seg.text));
      const pieces = skip ? null : applyRule(seg, r, session, onSpan);
      if (pieces === null) {
        next?.push(seg);
        continue;
      }
      next ??= segments.slice(0, i);
      // Not push(...pieces): a text with 100,000 matches would pass that many arguments and overflow the stack.
      for (const piece of pieces) next.push(piece);
    }
    if (next) segments = next;
  }
  return segments.length === 1 ? segments[0]!.text : segments.map((s) => s.text).join('');
}

// Long digit-free prose is set apart, cut at whitespace at least MARGIN characters from any
// digit: rules that need digits then skip it at once. No match is cut: values without digits (e-mails,
// URLs) contain no whitespace, and every label sits well within MARGIN characters of its number.
const MARGIN = 64;
// Measured: longer thresholds leave the digit rules scanning prose, which costs more than the segments.
const MIN_STRETCH = 2 * MARGIN;
const DIGITS = /\d+/g;

/** One pass over the text: digit-free stretches of at least MIN_STRETCH become segments of their own. */
function proseCut(text: string): Segment[] {
  if (text.length < 4 * MARGIN) return [plain(text, 0)];
  const cuts: number[] = [];
  let lastDigit = -1;
  const stretch = (from: number, to: number) => {
    // from: first non-digit, to: the next digit (or the end of the text)
    if (to - from < MIN_STRETCH) return;
    const a = text.indexOf(' ', from === 0 ? 0 : from + MARGIN);
    const b = text.lastIndexOf(' ', to === text.length ? to : to - MARGIN);
    if (a >= 0 && b > a) cuts.push(a + 1, b + 1);
  };
  // The regex engine scans for digits several times faster than a charCodeAt loop over two-byte text.
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m !== null; m = DIGITS.exec(text)) {
    stretch(lastDigit + 1, m.index);
    lastDigit = m.index + m[0].length - 1;
  }
  stretch(lastDigit + 1, text.length);
  if (cuts.length === 0) return [plain(text, 0)];
  const segments: Segment[] = [];
  let pos = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > pos) segments.push(plain(text.slice(pos, cut), pos));
    pos = cut;
  }
  return segments;
}

/** The text cut around this rule's spans, or null when the rule masks nothing in it. */
function applyRule(seg: Segment, r: MaskRule, session: Placeholders, onSpan?: SpanListener): Segment[] | null {
  const text = seg.text;
  r.pattern.lastIndex = 0;
  let out: Segment[] | null = null;
  let pos = 0;
  for (let m = r.pattern.exec(text); m !== null; m = r.pattern.exec(text)) {
    if (m[0] === '') {
      r.pattern.lastIndex++;
      continue;
    }
    for (const span of r.spans(m)) {
      if (span.start < pos || span.end <= span.start) continue;
      out ??= [];
      if (span.start > pos) out.push(plain(text.slice(pos, span.start), seg.at + pos));
      out.push({
        text: session.placeholder(span.tag, text.slice(span.start, span.end)),
        masked: true,
        at: seg.at + span.start,
        hasDigit: false,
      });
      onSpan?.(seg.at + span.start, seg.at + span.end, span.tag);
      pos = span.end;
    }
  }
  if (out === null) return null;
  if (pos < text.length) out.push(plain(text.slice(pos), seg.at + pos));
  return out;
}
