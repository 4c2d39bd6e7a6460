import { labelled } from '../anchors.js';
import { CharSet } from '../char-set.js';
import { rule } from '../rule.js';

// A KRS number has no checksum, so only a labelled one is masked ("KRS: 0000000013", "KRS 000-000-00-13").
export const krs = rule(
  'KRS',
  /\bKRS(?:\s*(?:nr|no\.?|numer))?[:\s#]+(\d{10}|\d{3}[-\s]\d{3}[-\s]\d{2}[-\s]\d{2})(?![\w-])/gi,
  {
    hint: /KRS/i,
    // The number's first group has ten digits or three.
    anchor: labelled({
      labels: ['krs'],
      between: new CharSet(':#', { space: true }),
      least: 1,
      most: Number.MAX_SAFE_INTEGER,
      subLabels: ['nr', 'no', 'no.', 'numer'],
      lengths: [3, 10],
      // The label or a word after it, or a colon or # (whatever stands before it), ends right before the digits.
      near: { before: ['krs', 'nr', 'no', 'numer', ':', '#'] },
    }),
    group: 1,
  },
);
