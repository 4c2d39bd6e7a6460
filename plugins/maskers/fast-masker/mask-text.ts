import type { MaskingSession } from '../../../core/pipeline/masking/masking-session.js';
import type { MaskRule } from './rule.js';

interface Segment {
  readonly text: string;
  /** A placeholder already: later rules never look inside it. */
  readonly masked: boolean;
}

const HAS_DIGIT = /\d/;

/**
 * Applies the rules in order, each on the parts of the text that no earlier rule masked, so an identifier
 * an earlier (validated) rule took is never re-read by a looser one.
 */
export function maskText(text: string, rules: readonly MaskRule[], session: MaskingSession): string {
  let segments: Segment[] = [{ text, masked: false }];
  for (const r of rules) {
    let next: Segment[] | null = null;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const pieces = seg.masked || (r.needsDigit && !HAS_DIGIT.test(seg.text)) ? null : applyRule(seg.text, r, session);
      if (pieces === null) {
        next?.push(seg);
        continue;
      }
      next ??= segments.slice(0, i);
      next.push(...pieces);
    }
    if (next) segments = next;
  }
  return segments.length === 1 ? segments[0]!.text : segments.map((s) => s.text).join('');
}

/** The text cut around this rule's spans, or null when the rule masks nothing in it. */
function applyRule(text: string, r: MaskRule, session: MaskingSession): Segment[] | null {
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
      if (span.start > pos) out.push({ text: text.slice(pos, span.start), masked: false });
      out.push({ text: session.placeholder(span.tag, text.slice(span.start, span.end)), masked: true });
      pos = span.end;
    }
  }
  if (out === null) return null;
  if (pos < text.length) out.push({ text: text.slice(pos), masked: false });
  return out;
}
