import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskText, type Placeholders } from '../../../../plugins/maskers/fast-masker/mask-text.js';
import { type MaskRule, RunAnchor } from '../../../../plugins/maskers/fast-masker/rule.js';
import { RULES } from '../../../../plugins/maskers/fast-masker/rules/order.js';

// The anchors only say where each rule's pattern is worth trying; what is masked must be what the patterns
// find scanning every gap whole. The same rules without their anchors are that scan.
const SCANNING: readonly MaskRule[] = RULES.map(({ anchor: _a, startsAt: _s, ...scanning }) => scanning);

// Identifiers, labels and separators mixed at random (seeded), so that values sit next to each other, next
// to placeholders, inside words and inside bigger numbers: the places where a start is easiest to miss.
const VALUES = [
  '44051401359',
  '4405 1401 359',
  'PESEL44051401359',
  '600 123 456',
  '600-123-456',
  '+48 600 123 456',
  '0048 601 123 456',
  '+48 (601) 123 456',
  '(0-22) 628 12 34',
  '22/628 12 34',
  '(905) 674-3793',
  '905.674.3793 x204',
  '030 12345678',
  '07700 900 123',
  'Office,07700 063 966',
  '781 1704 office',
  '12,600 123 4567',
  'PL61 1090 1014 0000 0712 1981 2874',
  'pl61109010140000071219812874',
  'PL-XX-10XX-5799',
  '61 1090 1014 0000 0712 1981 2874',
  '526-000-12-46',
  '526 000 12 46',
  'PL5260001246',
  'DE123456789',
  '4111 1111 1111 1111',
  '3782 822463 10005',
  '8948 0100 0000 0000 0007',
  '89480100000000000007',
  '8948\u00a00100 0000 0000\t0007',
  '123456785',
  '12345678512347',
  '1HGCM82633A004352',
  'ABA300000',
  'ABA 300000',
  'AB1234567',
  'WA12345',
  'WE 4A567',
  'ABC-1234-567',
  '123-45-6789',
  '12345678/123',
  '00-950',
  'kod 00950',
  'KRS 0000000013',
  'krs nr 0000000013',
  'KRS: 000-000-00-13',
  'KRS numer:\t0000000013',
  'Krs no. 0000000013',
  'KRS #0000000013',
  'FV/2024/00123',
  'inv-2024-123',
  'INVOICE/2024/000123',
  'Fv-2024/4567',
  'ORD-12345',
  'order_1234567890',
  'ORDER123',
  'fbid12345678',
  'FBID123456789',
  'pesel:44051401359',
  'PESEL : : 44051401359',
  'PESEL\u00a044051401359',
  '192.168.0.1:8080',
  'v1.2.3.4',
  '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  '00:1A:2B:3C:4D:5E',
  'AB:CD:EF:AB:CD:EF',
  '001A2B3C4D5E',
  '001a.2b3c.4d5e',
  'E093.5537.A634',
  '0A1B2C3D4E5F6A7B8C9D',
  '$120.50',
  '€ 5',
  '5 mln zł',
  'USD 1,200',
  '12,50 EUR',
  '£3',
  '¥ 100',
  '₹50',
  '₽ 7',
  '100 złotych',
  '20 tys. zł',
  'PLN 12,50',
  '5kzł',
  '3 mln PLN',
  '1,5 MLD USD',
  '7 K$',
  '2 TYS. €',
  '4m euro',
  '2 472 183 621',
  '14 maja 2024',
  'May 14th, 2024',
  'Sept. 3 2021',
  '2024 maj 14',
  '3 października 2023',
  '1 LUTEGO 2020',
  'Dec 1, 2023',
  '7 lis. 2019',
  '14. maja 2024',
  '14th of May 2024',
  '3rd March, 2021',
  '14-Sep-2024',
  '14.V.2024',
  '3 XII 1999',
  '14. Mai 1985',
  '1er mai 1985',
  '9 de diciembre del 2003',
  '14 мая 1985',
  'DNI 12345678Z',
  '12.345.678-Z',
  'X1234567L',
  '2 95 10 99 126 111 93',
  '295109912611193',
  '2 69 05 2A 123 456 88',
  'RSSMRA85T10A562S',
  'Steuer-ID: 86 095 742 719',
  'IdNr. 47036892816',
  'example.com/profile/026369',
  '756.1234.5678.97',
  'AB 12 34 56 C',
  'NHS number: 943 476 5919',
  'Konto-Nr. 12 345 678',
  'numéro de compte 00012345678',
  'Reisepassnummer C01X00T47',
  'passport no. 533380006',
  'permis de conduire n° 123456789012',
  'Ausweis-Nr. T22000129',
  'matrícula 1234 BCD',
  'VIN WVWZZZ1JZXW000001',
  'pasaporte XDA123456',
  '1985-5-14',
  'Auguſt 3, 2021',
  '3 ſtycznia 2024',
  '12\u00a0USD',
  'PLN\t12,50',
  '7 \u212a€',
  '2024-05-14',
  '14.05.2024',
  '5/14/2024',
  '2024 - 05 - 14',
  '14 .05. 2024',
  '1/5/2024',
  '12/31/2024',
  '2.4.1',
  '00-1A-2B-3C-4D-5E',
  'a0:b1:c2:d3:e4:f5',
  'AB:CD:EF:01:23:45',
  '001A2B3C4D5E',
  'PL61\t1090 1014 0000 0712 1981 2874',
  'at 09:30',
  '09:30',
  '23.59',
  '11:34:35',
  'jan.kowalski@example.com',
  'łukasz.żak@przykład.pl',
  'https://example.com/a?id=44051401359',
  'www.example.pl',
  'eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4f',
];
const GLUE = [' ', ' ', ' ', '', ', ', '. ', '-', '/', ':', '\n', 'tel. ', 'call ', 'nr', 'PESEL: ', 'x', '('];
const WORDS = ['Numer', 'konto', 'phone', 'zip code', 'version', 'ABC', 'De', 'a', 'ł', '+', '12', '7', '2024'].concat([
  'KRS',
  'fv',
  'INV/',
  'ord',
  'Order-',
  'fbid',
  'Pesel',
]);

function* texts(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let n = 0; n < count; n++) {
    let text = '';
    const parts = 1 + Math.floor(next() * 10);
    for (let p = 0; p < parts; p++) {
      const x = next();
      text += x < 0.5 ? pick(VALUES) : x < 0.75 ? pick(WORDS) : String(Math.floor(next() * 10 ** (1 + next() * 12)));
      text += pick(GLUE);
    }
    yield text;
  }
}

const numbered = (): Placeholders => {
  let n = 0;
  return { placeholder: (tag) => `{{${tag}_${++n}}}` };
};

/** Asserts the rules mask every text as scanning masks it, naming the first text that differs. */
function assertMaskedAsScanned(all: Iterable<string>, rules: readonly MaskRule[] = RULES): void {
  let differ = 0;
  let first = '';
  for (const text of all) {
    const anchored = maskText(text, rules, numbered());
    const scanned = maskText(text, SCANNING, numbered());
    if (anchored !== scanned && differ++ === 0) first = `${JSON.stringify(text)}: ${anchored} vs ${scanned}`;
  }
  assert.equal(differ, 0, first);
}

/** The texts joined 40 at a time (by a space or a newline): enough digit runs for the run index to be built. */
function* documents(all: readonly string[]): Generator<string> {
  for (let n = 0; n < all.length; n += 40) yield all.slice(n, n + 40).join(n % 80 === 0 ? ' ' : '\n');
}

describe('rule anchors', () => {
  it('mask what scanning every gap with every pattern masks', () => {
    assertMaskedAsScanned(texts(6000, 7));
  });

  it('mask long documents the same way (values next to placeholders of earlier rules)', () => {
    assertMaskedAsScanned([[...texts(400, 11)].join(' ')]);
  });

  it('mask documents the same way with the run index as without it', () => {
    assertMaskedAsScanned(documents([...texts(1600, 17)]));
  });

  it('mask the same way when a list has more anchored rules than the run index has bits', () => {
    // 64 rules that mask nothing take the index's bits first: every real rule then reads every run.
    const fillers: MaskRule[] = Array.from({ length: 64 }, (_, n) => ({
      tag: `FILLER_${n}`,
      pattern: /\d+/g,
      needsDigit: true,
      anchor: new RunAnchor({}),
      spans: () => [],
    }));
    assertMaskedAsScanned(documents([...texts(1600, 13)]), [...fillers, ...RULES]);
  });

  it('read the end of a gap as the end of the text (a tail glued to the next placeholder)', () => {
    // "zła…" is no currency in the whole text; once the MAC address after it is masked, the gap ends in "zł".
    assertMaskedAsScanned(['fbid(5kzła0:b1:c2:d3:e4:f5.', '12 USDa0:b1:c2:d3:e4:f5', '3 mln euroa0:b1:c2:d3:e4:f5']);
    assertMaskedAsScanned(documents([...texts(40, 5), '7 kzła0:b1:c2:d3:e4:f5', ...texts(40, 6)]));
  });

  it('mask a text with more runs than the run index takes (each rule then reads every run)', () => {
    const numbers = '7 x '.repeat(300_000);
    const masked = maskText(`${numbers}PESEL 44051401359, 5 zł, 14 maja 2024`, RULES, numbered());
    assert.equal(masked, `${numbers}PESEL {{PESEL_1}}, {{MONEY_2}}, {{DATE_3}}`);
  });

  it('find runs longer than the run index tells apart', () => {
    // The index keeps lengths of 32 and more in one slot: an anchor for 40 to 50 digits must still be asked.
    const long: MaskRule = {
      tag: 'LONG',
      pattern: /(?<!\d)\d{40,50}(?!\d)/g,
      needsDigit: true,
      anchor: new RunAnchor({ lengths: [40, 50] }),
      spans: (m) => [{ start: m.index, end: m.index + m[0].length, tag: 'LONG' }],
    };
    const document = `${Array.from({ length: 80 }, (_, n) => `item ${n}`).join(', ')} ${'7'.repeat(45)}`;
    assert.match(maskText(document, [long], numbered()), /\{\{LONG_1\}\}$/);
  });
});
