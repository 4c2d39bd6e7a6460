import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// After its label a US Social Security Number may be typed with spaces or no separators at all
// (`SSN 272 62 8603`, `SSN: 389442415`), which unlabelled would be any nine digits. The label stays.
export const ssnTagged = rule('SSN', /\bSSN[:#\s]+(\d{3}([ -]?)\d{2}\2\d{4})(?![\d-])/gi, {
  hint: /SSN/i,
  anchor: labelled({
    labels: ['ssn'],
    between: new CharSet(':#', { space: true }),
    least: 1,
    most: 4,
    lengths: [3, 9],
    near: { before: ['ssn', ':', '#'] },
  }),
  group: 1,
  validate: (v) => {
    const digits = v.replace(/\D/g, '');
    const area = Number(digits.slice(0, 3));
    return area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
  },
});
