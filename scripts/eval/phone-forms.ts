/**
 * The training set for the phone rules: numbers in the national formats of a dozen numbering plans (as their
 * regulators and operators print them), with and without a word that says "phone" before them, and hard
 * negatives (amounts, dates, counts, ranges, codes). The rules are tuned on this set; the public sets and
 * held-out-typed-forms.ts are never used for that.
 */
import type { Row } from './polish-synthetic.js';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const d = (rnd: Rnd, n: number, first = '0123456789') =>
  pick(rnd, [...first]) + Array.from({ length: n - 1 }, () => Math.floor(rnd() * 10)).join('');

// One generator per format; `N` picks 2–9 where a plan forbids 0 and 1.
const FORMATS: ReadonlyArray<(r: Rnd) => string> = [
  // North America
  (r) => `(${d(r, 3, '23456789')}) ${d(r, 3, '23456789')}-${d(r, 4)}`,
  (r) => `${d(r, 3, '23456789')}-${d(r, 3, '23456789')}-${d(r, 4)}`,
  (r) => `1-${d(r, 3, '23456789')}-${d(r, 3, '23456789')}-${d(r, 4)}`,
  (r) => `+1 ${d(r, 3, '23456789')} ${d(r, 3, '23456789')} ${d(r, 4)}`,
  (r) => `${d(r, 3, '23456789')}.${d(r, 3, '23456789')}.${d(r, 4)} x${d(r, 3)}`,
  (r) => `001-${d(r, 3, '23456789')}-${d(r, 3, '23456789')}-${d(r, 4)}`,
  // United Kingdom
  (r) => `01${d(r, 3)} ${d(r, 6)}`,
  (r) => `07${d(r, 3)} ${d(r, 6)}`,
  (r) => `0${d(r, 3, '123')} ${d(r, 3)} ${d(r, 4)}`,
  (r) => `+44 (0)${d(r, 2, '123')} ${d(r, 4)} ${d(r, 4)}`,
  (r) => `(01${d(r, 2)}) ${d(r, 3)} ${d(r, 4)}`,
  // Germany, Austria
  (r) => `0${d(r, 2, '2345689')} ${d(r, 7)}`,
  (r) => `0${d(r, 3, '2345689')}/${d(r, 6)}`,
  (r) => `015${d(r, 2)} ${d(r, 7)}`,
  (r) => `+49 (0)${d(r, 2, '2345689')} ${d(r, 7)}`,
  // France, Belgium
  (r) => `0${d(r, 1, '1234567')} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  (r) => `0${d(r, 1, '67')}.${d(r, 2)}.${d(r, 2)}.${d(r, 2)}.${d(r, 2)}`,
  (r) => `+33 ${d(r, 1, '1234567')} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  (r) => `0${d(r, 3, '4')} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  // Italy, Spain, Netherlands
  (r) => `3${d(r, 2)} ${d(r, 3)} ${d(r, 4)}`,
  (r) => `0${d(r, 1, '26')} ${d(r, 4)} ${d(r, 4)}`,
  (r) => `${d(r, 3, '679')} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  (r) => `+34 ${d(r, 3, '679')} ${d(r, 3)} ${d(r, 3)}`,
  (r) => `06-${d(r, 8)}`,
  (r) => `0${d(r, 2, '123457')}-${d(r, 7)}`,
  // Australia, India, Brazil, Japan
  (r) => `(0${d(r, 1, '2378')}) ${d(r, 4)} ${d(r, 4)}`,
  (r) => `04${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`,
  (r) => `+61 ${d(r, 1, '2378')} ${d(r, 4)} ${d(r, 4)}`,
  (r) => `${d(r, 5, '6789')} ${d(r, 5)}`,
  (r) => `0${d(r, 2, '123456789')}-${d(r, 8)}`,
  (r) => `(${d(r, 2, '123456789')}) ${d(r, 5, '9')}-${d(r, 4)}`,
  (r) => `0${d(r, 1, '3456')}-${d(r, 4)}-${d(r, 4)}`,
  (r) => `090-${d(r, 4)}-${d(r, 4)}`,
  // As test-data generators write them (Faker's en_US, en_GB, de_DE and fr_FR phone formats): any digit may
  // open the area code, no space after its bracket, `x` extensions of up to five digits, plain national numbers
  (r) => `(${d(r, 3)})${d(r, 3)}-${d(r, 4)}`,
  (r) => `${d(r, 3)}-${d(r, 3)}-${d(r, 4)}x${d(r, 4)}`,
  (r) => `+1-${d(r, 3)}-${d(r, 3)}-${d(r, 4)}x${d(r, 5)}`,
  (r) => `001-${d(r, 3)}-${d(r, 3)}-${d(r, 4)}x${d(r, 3)}`,
  (r) => `${d(r, 3)}.${d(r, 3)}.${d(r, 4)}`,
  (r) => `+44(0)${d(r, 4, '123')} ${d(r, 3)} ${d(r, 3)}`,
  (r) => `(0${d(r, 4, '123')}) ${d(r, 6)}`,
  (r) => `0${d(r, 4, '123456789')} ${d(r, 5)}`,
  (r) => `+49(0)${d(r, 4, '123456789')} ${d(r, 6)}`,
  (r) => `0${d(r, 9, '123456789')}`,
  (r) => `+33 (0)${d(r, 1, '123456789')} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
  // Poland
  (r) => `${d(r, 3, '5678')} ${d(r, 3)} ${d(r, 3)}`,
  (r) => `(${d(r, 2, '12345')}) ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
  (r) => `+48 ${d(r, 3, '5678')}-${d(r, 3)}-${d(r, 3)}`,
];

const LABELLED = [
  'Call me on {}.',
  'My phone number is {}',
  'Tel: {}',
  'You can reach her at {} during office hours.',
  'Mobile: {} (after 5 pm)',
  'Fax {} for the signed copy.',
  'Contact number {}',
  'Zadzwoń pod numer {} jutro.',
  'Telefon kontaktowy: {}.',
  'Ruf mich unter {} an.',
  'Téléphone : {}',
  'Llame al {} para confirmar.',
  'WhatsApp {} any time.',
];
const BARE = [
  '{} is the number to try if the office is closed.',
  'Try {} tomorrow morning.',
  'Leave a message at {}, I check it daily.',
  'Sophie ({}) will confirm the booking.',
  'Direct line {}; ask for the night desk.',
  'Je suis joignable au {} ce soir.',
  'Jestem pod {} do końca tygodnia.',
  'Text {} when you land.',
];

// Ordinary numbers that look like phones to a loose pattern.
const NEGATIVES: ReadonlyArray<(r: Rnd) => string> = [
  (r) => `The census counted ${d(r, 1, '123456789')} ${d(r, 3)} ${d(r, 3)} ${d(r, 3)} people.`,
  (r) => `Revenue reached ${d(r, 3, '123456789')} ${d(r, 3)} ${d(r, 3)} PLN last year.`,
  (r) => `We shipped ${d(r, 1, '123456789')},${d(r, 3)},${d(r, 3)} units in ${d(r, 4, '12')}.`,
  (r) => `The lot measures ${d(r, 3, '123456789')}.${d(r, 2)} m² and costs ${d(r, 3, '123456789')} ${d(r, 3)} EUR.`,
  (r) =>
    `Scores were ${d(r, 2, '123456789')} ${d(r, 2, '123456789')} ${d(r, 2, '123456789')} ${d(r, 2, '123456789')} in the four rounds.`,
  (r) => `From ${d(r, 4, '12')} to ${d(r, 4, '12')} the index fell ${d(r, 2)}.${d(r, 1)}%.`,
  (r) => `See pages ${d(r, 3, '123456789')}-${d(r, 3, '123456789')} and table ${d(r, 2, '123456789')}.`,
  (r) => `Build ${d(r, 8, '2')}.${d(r, 1)} ran ${d(r, 4, '123456789')} tests in ${d(r, 5, '123456789')} ms.`,
  (r) => `The reading was 0.${d(r, 3)} then 0.${d(r, 3)} and 0.${d(r, 2)}.`,
  (r) => `Ticket ${d(r, 4, '123456789')}-${d(r, 4)} was merged into ${d(r, 5, '123456789')}.`,
  (r) => `Dimensions ${d(r, 3, '123456789')} x ${d(r, 3, '123456789')} x ${d(r, 2, '123456789')} mm.`,
  (r) => `Latitude ${d(r, 2, '12345')}.${d(r, 4)}, longitude ${d(r, 2, '12')}.${d(r, 4)}.`,
  (r) =>
    `Invoice total ${d(r, 2, '123456789')} ${d(r, 3)},${d(r, 2)} zł, paid ${d(r, 2, '123456789')} ${d(r, 3)},${d(r, 2)} zł.`,
  (r) => `Order of magnitude: ${d(r, 3, '123456789')} ${d(r, 3)} ${d(r, 3)} ${d(r, 3)} bytes.`,
  (r) =>
    `Version ${d(r, 1, '123456789')}.${d(r, 2)}.${d(r, 3)} replaces ${d(r, 1, '123456789')}.${d(r, 2)}.${d(r, 1)}.`,
  (r) =>
    `Steps of ${d(r, 2, '123456789')} ${d(r, 2, '123456789')} ${d(r, 2, '123456789')} and ${d(r, 2, '123456789')} seconds.`,
];

export function phoneFormsSet(seed = 20261201, size = 600): Row[] {
  const rnd = prng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < size; i++) {
    if (rnd() < 0.3) {
      rows.push({ text: pick(rnd, NEGATIVES)(rnd), spans: [] });
      continue;
    }
    const value = pick(rnd, FORMATS)(rnd);
    const template = pick(rnd, rnd() < 0.5 ? LABELLED : BARE);
    const start = template.indexOf('{}');
    rows.push({
      text: template.replace('{}', value),
      spans: [{ start, end: start + value.length, label: 'PHONE' }],
    });
  }
  return rows;
}
