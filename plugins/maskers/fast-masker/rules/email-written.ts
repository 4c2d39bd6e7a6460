import type { MaskRule, Span } from '../rule.js';
import { isLocalCode } from './email.js';

// An address written so that harvesters miss it, which still names its owner: `jan(at)example.com`,
// `jan [at] example [dot] com`, `jan @ example.com`, `jan(małpa)firma.pl`. The at-sign spelt in round or square
// brackets, or "@" with a space after it or on both sides (the plain form is the e-mail rule's; a space before it
// alone is a handle: "follow @example.com"), then a domain whose dots may be spelt too.
const AT = String.raw`(?:@ |(?:\((?:at|małpa)\)|\[(?:at|małpa)\])\s?)`;
const DOT = String.raw`(?:\.|\s?[(\[{](?:dot|kropka)[)\]}]\s?)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const PATTERN = new RegExp(`${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * One rule per literal an at-sign's spelling begins with: a scan for one literal character is about twenty times
 * faster than for a set of them (`[(\[{]`), which cost prose a quarter of its speed. The space a form may
 * have before the literal is read by `spans`.
 */
function writtenFrom(startsAt: RegExp, hint: RegExp): MaskRule {
  return { tag: 'EMAIL', pattern: PATTERN, needsDigit: false, hint, startsAt, spans: writtenSpans };
}

function writtenSpans(m: RegExpExecArray): Span[] {
  const text = m.input;
  const at = text.charCodeAt(m.index - 1) === 0x20 ? m.index - 1 : m.index;
  let start = at;
  while (start > 0 && isLocalCode(text.charCodeAt(start - 1))) start--;
  if (start === at || text.charCodeAt(start) === 0x2e) return [];
  return [{ start, end: m.index + m[0].length, tag: 'EMAIL' }];
}

export const emailSpacedAt = writtenFrom(/@ /g, /@ /);
// The bracket alone: `/\([aAmM]/` scans thirty times slower than `/\(/` (it cost prose 29 %).
export const emailAtInParens = writtenFrom(/\(/g, /\((?:at|małpa)\)/i);
export const emailAtInBrackets = writtenFrom(/\[/g, /\[(?:at|małpa)\]/i);
