import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from './mask.js';

// Phone numbers in national formats: taken on their shape alone when ordinary numbers never have it, and any
// grouped number after a word that says "phone".
describe('national phone numbers', () => {
  for (const [text, phone] of [
    ['Call me on 07700 900 123 later.', '07700 900 123'],
    ['Try 020 7946 0958 tomorrow.', '020 7946 0958'],
    ['I am on 030 12345678 until five.', '030 12345678'],
    ['Je suis au 06 12 34 56 78 ce soir.', '06 12 34 56 78'],
    ['Sydney: (02) 9876 5432.', '(02) 9876 5432'],
    ['São Paulo: (11) 91234-5678.', '(11) 91234-5678'],
    ['Roma: 333 123 4567.', '333 123 4567'],
    ['Delhi: 98765 43210.', '98765 43210'],
    ['Desk 415.555.0132 x204, any time.', '415.555.0132 x204'],
    ['US: 1-800-555-0199.', '1-800-555-0199'],
    ['Madrid: 981 00 99 53.', '981 00 99 53'],
    ['Paris: 0298765432.', '0298765432'],
    ['Tel. 5994227622 w godzinach pracy.', '5994227622'],
    ['Zadzwoń pod numer 12 34 56 78 jutro.', '12 34 56 78'],
    ['Ruf mich unter 12 345 678 an.', '12 345 678'],
    ['Téléphone : 12 34 56 78', '12 34 56 78'],
    // A label on the line before (forms, signatures), or after the number (contact lists).
    ['Phone:\n467 3395\n\nE-mail:', '467 3395'],
    ['Tel.:\n  60-56-85-91', '60-56-85-91'],
    ['781 1704 office\n(579)888-3058 fax', '781 1704'],
    ['Kontakt: 28-64-66-98 (biuro)', '28-64-66-98'],
    ['021 253 109-Office,3660170548-Fax', '3660170548'],
    ['Office,07700 063 966', '07700 063 966'],
    ["They're not answering at 374 780 163", '374 780 163'],
    // A digit shortly before the label: the label is still read (it is looked for from that digit on).
    ['Pokój 12, tel. 71094648', '71094648'],
  ] as const) {
    it(`masks ${phone} in "${text}"`, () => {
      const r = mask(text);
      assert.ok(r.tags.includes('PHONE'), r.text);
      assert.ok(r.originals.includes(phone), JSON.stringify(r.originals));
    });
  }

  for (const text of [
    'The census counted 2 472 183 621 people.',
    'Scores were 21 22 23 24 in the four rounds.',
    'From 1990 to 2000 the index fell 12.5%.',
    'Build 20240630.1 ran 1024 tests in 65535 ms.',
    'Ticket 4821-7730 was merged into 12345.',
    'Dimensions 120 x 340 x 56 mm.',
    'The readings were 0.125 then 0.25.',
    'Revenue reached 987 654 321 last year.',
    'Num: 59942276 and 12345678901234567890123456.',
    // A decimal's digits after its comma are not a number of their own; a label two lines up is no label.
    'Wynik 12,600 123 4567 punktów',
    'Phone:\n\n467 3395 items',
    'We sold 2 345 678 units at the office.',
    // A label glued to a digit is no label (its lookbehind reads that digit).
    'Kod 12tel 71094648',
  ]) {
    it(`leaves "${text}"`, () => assert.equal(mask(text).text, text));
  }
});

describe('separators in Polish identifiers', () => {
  for (const typed of ['526 000 12 46', '526.000.12.46', '526/000/12/46', '526-00-01-246'])
    it(`masks the NIP ${typed}`, () => assert.deepEqual(mask(`NIP ${typed} na fakturze`).originals, [typed]));

  it('takes eleven digits in a grouping nobody writes a PESEL in for something else', () => {
    // 02210177334 is a valid PESEL written whole; split 3-8 it is a phone number's shape.
    assert.deepEqual(mask('PESEL 02210177334').tags, ['PESEL']);
    assert.ok(!mask('Telefon: 022-10177334').tags.includes('PESEL'));
  });
});
