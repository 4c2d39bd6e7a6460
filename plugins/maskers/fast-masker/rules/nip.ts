import { rule } from '../rule.js';
import { isValidNip } from '../validators/nip.js';

// 123-456-78-90, 123-45-67-890 or 1234567890, checksum-valid.
export const nip = rule('NIP', /(?<![\w-])(\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}|\d{10})(?![\w-])/g, {
  hint: /\d{3}-?\d{2}/,
  group: 1,
  validate: isValidNip,
});
