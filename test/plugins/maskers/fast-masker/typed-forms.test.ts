import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DigitRuns } from '../../../../plugins/maskers/fast-masker/digit-runs.js';
import { fold } from '../../../../plugins/maskers/fast-masker/normalize.js';
import { mask } from './mask.js';

// Identifiers as people type them: the whole of what was typed becomes one placeholder, and the mapping gives
// back exactly what was typed.
const ZWSP = '\u200B';
const NBSP = '\u00A0';
const fullWidth = (s: string) =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

describe('identifiers as typed', () => {
  const rows: Array<[name: string, typed: string, tag: string]> = [
    ['an e-mail with a Polish local part', 'łukasz.żak@example.com', 'EMAIL'],
    ['an e-mail with an IDN domain', 'jan@przykład.pl', 'EMAIL'],
    ['an e-mail with a zero-width space inside', `jan.kow${ZWSP}alski@example.com`, 'EMAIL'],
    ['a PESEL with a zero-width space inside', `4405${ZWSP}1401359`, 'PESEL'],
    ['a PESEL in full-width digits', fullWidth('44051401359'), 'PESEL'],
    ['a PESEL in Arabic-Indic digits', '٤٤٠٥١٤٠١٣٥٩', 'PESEL'],
    ['a phone with no-break spaces', `600${NBSP}123${NBSP}456`, 'PHONE'],
    ['a card number with a soft hyphen', '4111\u00AD1111 1111 1111', 'CREDIT_CARD'],
    ['an e-mail in full-width letters', fullWidth('jan@example.com'), 'EMAIL'],
    ['a PESEL in groups split by spaces', '440514 01359', 'PESEL'],
    ['a PESEL in groups split by dashes', '4405-1401-359', 'PESEL'],
    ['a PESEL in groups split by dots', '44.05.14.01359', 'PESEL'],
    ['a PESEL in groups split by slashes', '440514/01359', 'PESEL'],
    ['an IBAN in lower case, spaced', 'pl61 1090 1014 0000 0712 1981 2874', 'BANK_ACCOUNT'],
    ['a phone with the 0048 call prefix', '0048 601 123 456', 'PHONE_INTERNATIONAL'],
    ['a phone with the 00 prefix, written compactly', '0048601123456', 'PHONE_INTERNATIONAL'],
    ['a phone with its area code in brackets', '+48 (601) 123 456', 'PHONE_INTERNATIONAL'],
    // libphonenumber's international formats (scripts/eval/phone-numbering.ts).
    ['a phone grouped by dots (New Caledonia)', '+687 20.28.45', 'PHONE_INTERNATIONAL'],
    ['a phone with a slash after its area code (Slovakia)', '+421 2/218 057 63', 'PHONE_INTERNATIONAL'],
    ['an E.164 number that passes the Luhn check', '+590800040206', 'PHONE_INTERNATIONAL'],
  ];
  for (const [name, typed, tag] of rows) {
    it(name, () => {
      const { text, tags, originals } = mask(`Dane: ${typed} — dzięki.`);
      assert.ok(tags.includes(tag), `${typed} → ${text}`);
      assert.ok(originals.includes(typed), `the mapping gives back what was typed: ${JSON.stringify(originals)}`);
      assert.ok(!text.includes(typed), text);
    });
  }

  it('still takes a card number after a plus sign when it is too long for a phone', () => {
    const { text, tags } = mask('Numer: +4111111111111111.');
    assert.deepEqual(tags, ['CREDIT_CARD'], text);
    assert.ok(!text.includes('4111111111111111'), text);
  });

  it('masks a PESEL with its label glued on, and keeps the label', () => {
    for (const label of ['PESEL', 'nr', 'Pesel:']) {
      const { text, originals } = mask(`Podaj ${label}44051401359 proszę`);
      assert.equal(text, `Podaj ${label}{{PESEL_1}} proszę`);
      assert.deepEqual(originals, ['44051401359']);
    }
  });

  it('does not take the tail of a big grouped number for a phone', () => {
    for (const text of ['Ludność świata: 2 472 183 621 osób.', 'Ludność: 1 601 123 456 osób.'])
      assert.equal(mask(text).text, text);
  });

  it('tells which texts need folding by the same characters fold() changes', () => {
    // The digit-run scan decides whether the folded copy is read: it must know every character fold() changes.
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const changes = fold(ch).text !== ch;
      if (changes !== DigitRuns.of(`1${ch}2`).foldable) differ.push(c.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  it('leaves text without such characters exactly as the plain rules do', () => {
    assert.equal(mask('Mail jan@example.com, tel. 600 123 456.').text, 'Mail {{EMAIL_1}}, tel. {{PHONE_1}}.');
  });
});
