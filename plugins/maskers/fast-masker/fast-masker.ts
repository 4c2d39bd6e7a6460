import type { MaskerPlugin } from '../../../core/plugins/plugin.js';
import type { MaskingSession } from '../../../core/plugins/plugin-api.js';
import { maskText } from './mask-text.js';
import { RULES } from './rules/order.js';

/** Regex rules with checksum validation of Polish and international identifiers; no model, no I/O. */
export class FastMasker implements MaskerPlugin {
  static readonly id = 'fast_masker';
  static readonly kind = 'masker';

  apply(texts: readonly string[], session: MaskingSession): string[] {
    return texts.map((t) => maskText(t, RULES, session));
  }
}
