/**
 * A held-out set of identifiers as people type them, written by hand on 2026-12-01 before the phone rules were
 * tuned, and never used to tune them (the rules are tuned on scripts/eval/phone-forms.ts). A marked value is
 * `⟦LABEL|value⟧`; rows without marks are texts that must be left alone.
 */
import type { Row } from './polish-synthetic.js';

const MARKED = [
  'Mój PESEL to ⟦PESEL|44051401359⟧, proszę o potwierdzenie.',
  'PESEL: ⟦PESEL|440514 01359⟧ (wpisany w dwóch grupach).',
  'nr PESEL⟦PESEL|44051401359⟧ bez spacji',
  'PESEL ⟦PESEL|４４０５１４０１３５９⟧ z pełnej szerokości cyfr',
  'NIP firmy: ⟦NIP|526 000 12 46⟧.',
  'NIP ⟦NIP|526.000.12.46⟧ na fakturze',
  'Faktura na NIP ⟦NIP|5260001246⟧, termin 14 dni.',
  'REGON ⟦REGON|123456785⟧ w rejestrze.',
  'Przelew na ⟦BANK_ACCOUNT|pl61 1090 1014 0000 0712 1981 2874⟧ do piątku.',
  'IBAN ⟦BANK_ACCOUNT|DE89 3704 0044 0532 0130 00⟧ for the refund.',
  'Please wire it to ⟦BANK_ACCOUNT|GB82WEST12345698765432⟧ today.',
  'Napisz na ⟦EMAIL|łukasz.żak@przykład.pl⟧ albo zadzwoń.',
  'Contact ⟦EMAIL|jan\u200b.kowalski@example.com⟧ for details.',
  'Mail me at ⟦EMAIL|müller@bücher.de⟧ please.',
  'Card ⟦CREDIT_CARD|4111 1111 1111 1111⟧ expires 09/29.',
  'Karta ⟦CREDIT_CARD|5500-0000-0000-0004⟧ została zablokowana.',
  'Amex ⟦CREDIT_CARD|3782 822463 10005⟧ on file.',
  'Zadzwoń: ⟦PHONE|+48 601 123 456⟧ po 17.',
  'Tel. ⟦PHONE|0048 601 123 456⟧ (komórka).',
  'Telefon ⟦PHONE|601-123-456⟧ czynny w dni robocze.',
  'Numer ⟦PHONE|+48 (22) 628 12 34⟧ – centrala.',
  'Call me on ⟦PHONE|07700 900 123⟧ after lunch.',
  'Our London office: ⟦PHONE|+44 20 7946 0958⟧.',
  'Office phone ⟦PHONE|020 7946 0958⟧, ask for Sam.',
  'Ruf mich an: ⟦PHONE|030 12345678⟧.',
  'Meine Handynummer ist ⟦PHONE|+49 151 23456789⟧.',
  'Appelez le ⟦PHONE|01 23 45 67 89⟧ avant midi.',
  'Mon portable : ⟦PHONE|06 12 34 56 78⟧.',
  'Llámame al ⟦PHONE|+34 612 345 678⟧ mañana.',
  'Chiamami al ⟦PHONE|333 123 4567⟧ stasera.',
  'US support: ⟦PHONE|(415) 555-0132⟧ or ⟦PHONE|1-800-555-0199⟧.',
  'Reach me at ⟦PHONE|415.555.0132⟧ any time.',
  'Fax ⟦PHONE|+1 415 555 0133 ext. 12⟧ for invoices.',
  'Sydney desk: ⟦PHONE|(02) 9876 5432⟧.',
  'Mobile ⟦PHONE|0412 345 678⟧ is best.',
  'Phone: ⟦PHONE|+91 98765 43210⟧',
  'Telefon ⟦PHONE|+48\u00a0601\u00a0123\u00a0456⟧ z twardymi spacjami',
  'Dzwoń pod ⟦PHONE|６０１ １２３ ４５６⟧ wieczorem.',
  'Kontakt: ⟦PHONE|22 628 12 34⟧ (stacjonarny).',
  'SSN ⟦US_SSN|078-05-1120⟧ on the form.',
  'Paszport ⟦PASSPORT|ZS0000177⟧ ważny do 2030.',
  'The population grew to 2 472 183 621 people in the model.',
  'Revenue was 1,234,567,890 USD in 2023 and 987 654 321 EUR in 2024.',
  'Order 1234567 shipped on 2024-06-30; tracking 9400 1000 0000 0000 0000 00 follows.',
  'Build 20240630.1 of version 3.14.159 passed 1024 tests in 65535 ms.',
  'Between 1990 and 2000 prices rose 12.5% and fell 3.2% in 2001-2003.',
  'The range 100-200-300 is a test fixture, and 0.5 0.25 0.125 are weights.',
  'Page 12 of 345, chapter 6, line 7890.',
  'Coordinates 52.2297, 21.0122 mark Warsaw.',
  'ISBN 978-83-01-00000-1 and ISSN 0317-8471 are catalogue numbers.',
  'Meeting at 14:30 on 12.05.2024 in room 101.',
  'Temperature readings: 21 22 23 24 25 26 27 degrees over the week.',
  'Stock moved from 123.45 to 130.10, volume 4 500 000 shares.',
  'Ticket #4821-7730 was closed after 3 days.',
  'Serial number SN 4400 1234 5678 on the router label.',
];

const MARK = /⟦([A-Z_]+)\|([^⟧]+)⟧/g;

export function heldOutTypedForms(): Row[] {
  return MARKED.map((marked) => {
    const spans: Row['spans'] = [];
    let text = '';
    let last = 0;
    for (const m of marked.matchAll(MARK)) {
      text += marked.slice(last, m.index);
      spans.push({ start: text.length, end: text.length + m[2]!.length, label: m[1]! });
      text += m[2]!;
      last = m.index + m[0].length;
    }
    return { text: text + marked.slice(last), spans };
  });
}
