import type { MaskerPlugin } from '../../../core/plugins/plugin.js';
import type { MaskingSession } from '../../../core/plugins/plugin-api.js';
import { DigitRuns } from './digit-runs.js';
import { maskText, type Placeholders, type SpanListener } from './mask-text.js';
import { fold, originalSpan } from './normalize.js';
import { RULES } from './rules/order.js';

/** Regex rules with checksum validation of Polish and international identifiers; no model, no I/O. */
export class FastMasker implements MaskerPlugin {
  static readonly id = 'fast_masker';
  static readonly kind = 'masker';

  apply(texts: readonly string[], session: MaskingSession): string[] {
    return texts.map((t) => maskTyped(t, session));
  }
}

/**
 * Masks a text as typed: the rules read its folded copy when it has invisible characters, Unicode spaces or
 * full-width and other-script digits, and the spans they find replace the original characters.
 */
export function maskTyped(text: string, session: Placeholders, onSpan?: SpanListener): string {
  const runs = DigitRuns.of(text);
  if (!runs.foldable) return maskText(text, RULES, session, onSpan, runs);
  const folded = fold(text);
  const spans: Array<{ start: number; end: number; tag: string }> = [];
  maskText(folded.text, RULES, PROBE, (start, end, tag) => {
    const [s, e] = originalSpan(folded, start, end);
    spans.push({ start: s, end: e, tag });
  });
  let out = '';
  let pos = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (span.start < pos) continue;
    out += text.slice(pos, span.start) + session.placeholder(span.tag, text.slice(span.start, span.end));
    onSpan?.(span.start, span.end, span.tag);
    pos = span.end;
  }
  return out + text.slice(pos);
}

// Finds spans on the folded copy without issuing placeholders; the real ones are made for the original text.
const PROBE: Placeholders = { placeholder: (tag) => `{{${tag}_0}}` };
