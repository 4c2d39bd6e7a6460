import { atGroup } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';
import { isValidNip } from '../validators/nip.js';

// 123-456-78-90, 123-45-67-890 or 1234567890, checksum-valid; the groups may be split by spaces, dots or
// slashes too (`526 000 12 46`, `526.000.12.46`), one separator throughout.
export const nip = rule(
  'NIP',
  /(?<![\w./-])(\d{3}([ ./-]?)\d{3}\2\d{2}\2\d{2}|\d{3}([ ./-])\d{2}\3\d{2}\3\d{3})(?![\w]|[./-]\d| \d)/g,
  {
    hint: /\d{3}[ ./-]?\d{2}/,
    anchor: atGroup(10, new CharSet('./-', { word: true })),
    group: 1,
    validate: isValidNip,
  },
);
