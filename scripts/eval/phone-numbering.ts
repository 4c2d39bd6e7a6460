/**
 * A second training set for the phone rules (issue 12): the numbers of every numbering plan libphonenumber
 * knows (scripts/eval/phone-numbering.json, written by phone-numbering.py from its metadata), in sentences
 * with and without a word that says "phone". The rules may be tuned on it; the public sets stay held out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './polish-synthetic.js';

interface Numbering {
  readonly numbers: ReadonlyArray<readonly [region: string, type: string, format: string, number: string]>;
}

const LABELLED = ['You can call me on {} after five.', 'Tel. {} (reception).', 'My mobile is {}, text first.'];
const BARE = ['Please copy {} into the second field.', 'The form lists {} for the Lisbon office.'];

/** Rows of one format ('national', 'international' or 'e164'), each number once in each kind of sentence. */
export function phoneNumberingSet(format: string, labelled: boolean): Row[] {
  const file = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'scripts', 'eval', 'phone-numbering.json'), 'utf8'),
  ) as Numbering;
  const templates = labelled ? LABELLED : BARE;
  return file.numbers
    .filter((n) => n[2] === format)
    .map(([, , , number], i) => {
      const template = templates[i % templates.length]!;
      const start = template.indexOf('{}');
      return { text: template.replace('{}', number), spans: [{ start, end: start + number.length, label: 'PHONE' }] };
    });
}
