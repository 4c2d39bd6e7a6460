/**
 * A Polish evaluation set the public data lacks: sentences from our own templates with PESEL, NIP, REGON,
 * IBAN, NRB, phone and e-mail values, and hard negatives (the same shapes with broken checksums, version
 * strings, ordinary numbers). Values are made valid by trying each check digit against the validators,
 * which are themselves tested on published examples.
 */

import { ibanChecksumOk } from '../../plugins/maskers/fast-masker/validators/iban.js';
import { isValidNip } from '../../plugins/maskers/fast-masker/validators/nip.js';
import { isValidPesel } from '../../plugins/maskers/fast-masker/validators/pesel.js';
import { isValidRegon } from '../../plugins/maskers/fast-masker/validators/regon.js';

export interface Row {
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const digits = (rnd: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Completes `prefix` with the digit that makes `valid` true (or null when none does). */
function withCheckDigit(prefix: string, valid: (s: string) => boolean): string | null {
  for (let d = 0; d < 10; d++) if (valid(prefix + d)) return prefix + d;
  return null;
}

function validValue(rnd: () => number, label: string): string {
  for (;;) {
    let v: string | null = null;
    switch (label) {
      case 'PESEL': {
        const yy = digits(rnd, 2);
        const mm = String(1 + Math.floor(rnd() * 12) + pick(rnd, [0, 20])).padStart(2, '0');
        const dd = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
        v = withCheckDigit(yy + mm + dd + digits(rnd, 4), isValidPesel);
        break;
      }
      case 'NIP': {
        const raw = withCheckDigit(String(1 + Math.floor(rnd() * 9)) + digits(rnd, 8), isValidNip);
        v = raw && rnd() < 0.5 ? `${raw.slice(0, 3)}-${raw.slice(3, 6)}-${raw.slice(6, 8)}-${raw.slice(8)}` : raw;
        break;
      }
      case 'REGON':
        v = withCheckDigit(digits(rnd, 8), isValidRegon);
        break;
      case 'BANK_ACCOUNT': {
        const bban = digits(rnd, 24);
        for (let c = 2; c < 99 && !v; c++)
          if (ibanChecksumOk(`PL${String(c).padStart(2, '0')}${bban}`)) v = `PL${String(c).padStart(2, '0')}${bban}`;
        if (v && rnd() < 0.5)
          v = v.replace(/^(PL\d{2})(\d{4})(\d{4})(\d{4})(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3 $4 $5 $6 $7');
        break;
      }
      case 'PHONE': {
        const n =
          pick(rnd, ['50', '51', '53', '60', '66', '69', '72', '78', '79', '22', '12', '58', '61']) + digits(rnd, 7);
        v = pick(rnd, [
          n,
          `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
          `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
          `+48 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
        ]);
        break;
      }
      case 'EMAIL':
        v = `${pick(rnd, ['jan', 'anna', 'p.nowak', 'k.wisniewska', 'biuro', 'm_zielinski'])}${digits(rnd, 2)}@${pick(rnd, ['example.com', 'firma.pl', 'poczta.onet.pl', 'uw.edu.pl'])}`;
        break;
    }
    if (v) return v;
  }
}

/** The same shape with a broken check digit: must not be masked as that type. */
function brokenValue(rnd: () => number, label: 'PESEL' | 'NIP' | 'REGON'): string {
  const good = validValue(rnd, label).replace(/-/g, '');
  const last = Number(good.at(-1));
  return good.slice(0, -1) + String((last + 1 + Math.floor(rnd() * 8)) % 10);
}

const TEMPLATES: ReadonlyArray<readonly [string, string]> = [
  ['PESEL', 'Pacjent o numerze PESEL {} zgłosił się na wizytę.'],
  ['PESEL', 'Proszę zweryfikować dane: {}, adres zameldowania bez zmian.'],
  ['NIP', 'Faktura dla firmy, NIP {}, termin płatności 14 dni.'],
  ['NIP', 'Kontrahent podał numer {} jako identyfikator podatkowy.'],
  ['REGON', 'Spółka ma REGON {} i siedzibę w Poznaniu.'],
  ['BANK_ACCOUNT', 'Proszę o przelew na rachunek {} do końca miesiąca.'],
  ['BANK_ACCOUNT', 'Numer konta: {} (bank PKO).'],
  ['PHONE', 'W razie pytań proszę dzwonić pod numer {} po 16.'],
  ['PHONE', 'Kontakt: {}, pani Ewa z recepcji.'],
  ['EMAIL', 'Odpowiedź proszę przesłać na adres {} jeszcze dziś.'],
  ['EMAIL', 'Mój e-mail to {}, a telefon podam później.'],
];

const NEGATIVES: readonly string[] = [
  'Wersja 2.4.1 systemu wyszła w 2024 roku i ma 12345 pobrań.',
  'Zamówiliśmy 250 sztuk, a dostawa kosztowała 3,5 raza więcej.',
  'Rozdział 12, strona 145, przypis 3.',
  'W tabeli jest 1024 wierszy i 16 kolumn.',
  'Kod błędu 404 pojawia się w linii 1337.',
];

export function polishSyntheticSet(size = 600, seed = 20261123): Row[] {
  const rnd = prng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < size; i++) {
    const r = rnd();
    if (r < 0.15) {
      rows.push({ text: pick(rnd, NEGATIVES), spans: [] });
    } else if (r < 0.3) {
      const label = pick(rnd, ['PESEL', 'NIP', 'REGON'] as const);
      rows.push({ text: `Numer ${brokenValue(rnd, label)} nie przeszedł weryfikacji.`, spans: [] });
    } else {
      const [label, template] = pick(rnd, TEMPLATES);
      const value = validValue(rnd, label);
      const start = template.indexOf('{}');
      rows.push({ text: template.replace('{}', value), spans: [{ start, end: start + value.length, label }] });
    }
  }
  return rows;
}
