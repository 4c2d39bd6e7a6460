import { wholeWord } from '../anchors.js';
import { rule } from '../rule.js';

// Certificate serials and fingerprints: 16–40 upper-case hex characters with both letters and digits.
export const sslCert = rule('SSL_CERT', /(?<![\w:])[0-9A-F]{16,40}(?![\w:])/g, {
  hint: /[0-9A-F]{16}/,
  anchor: wholeWord(16, 40),
  validate: (v) => /[A-F]/.test(v) && /\d/.test(v),
});
