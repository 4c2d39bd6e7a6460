/**
 * A document dense with identifiers and numbers where every value is new, as in a real export or report (the
 * benchmark's other dense document repeats eight sentences, so its values repeat too, and a masker reads it
 * about twice as fast: branch predictors and the session's placeholder lookups learn it). Identifiers pass
 * their checksums (each check digit tried against the validators, as the Polish evaluation set makes them);
 * the same seed gives the same text.
 */
import { ibanChecksumOk } from '../../plugins/maskers/fast-masker/validators/iban.js';
import { passesLuhn } from '../../plugins/maskers/fast-masker/validators/luhn.js';
import { isValidNip } from '../../plugins/maskers/fast-masker/validators/nip.js';
import { isValidPesel } from '../../plugins/maskers/fast-masker/validators/pesel.js';

export function variedDocument(bytes: number, seed: number): string {
  let state = seed >>> 0;
  const rnd = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const two = (n: number) => String(n).padStart(2, '0');
  const checked = (prefix: () => string, valid: (s: string) => boolean) => {
    for (;;) {
      const p = prefix();
      for (let d = 0; d < 10; d++) if (valid(p + d)) return p + d;
    }
  };
  const grouped = (s: string, by: number, sep: string) => s.replace(new RegExp(`(.{${by}})(?=.)`, 'g'), `$1${sep}`);

  const pesel = () =>
    checked(() => `${two(int(40, 99))}${two(int(1, 12))}${two(int(1, 28))}${digits(4)}`, isValidPesel);
  const nip = () => {
    const n = checked(() => `${int(1, 9)}${digits(8)}`, isValidNip);
    return pick([n, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`]);
  };
  const iban = () => {
    const bban = `${int(1, 9)}${digits(23)}`;
    let check = 2;
    while (!ibanChecksumOk(`PL${two(check)}${bban}`)) check++;
    const n = `PL${two(check)}${bban}`;
    return pick([n, grouped(n, 4, ' '), `${two(check)} ${grouped(bban, 4, ' ')}`]);
  };
  const card = () => {
    const n = checked(() => `4${digits(14)}`, passesLuhn);
    return pick([n, grouped(n, 4, ' '), grouped(n, 4, '-')]);
  };
  const phone = () => {
    const n = `${pick(['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'])}${digits(7)}`;
    const spaced = `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    return pick([spaced, `+48 ${spaced}`, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`, `+48${n}`]);
  };
  const name = () => pick(['jan', 'anna', 'piotr', 'maria', 'tomasz', 'ewa', 'john', 'kate', 'marek', 'zofia']);
  const email = () =>
    `${name()}${pick(['.', '_', ''])}${pick(['kowalski', 'nowak', 'wisniewska', 'smith', 'zielinski', 'brown'])}${rnd() < 0.3 ? int(1, 99) : ''}@${pick(['example.com', 'firma.pl', 'mail.example.org', 'wp.pl'])}`;
  const date = () => {
    const [y, m, d] = [int(2019, 2026), int(1, 12), int(1, 28)];
    return pick([
      `${y}-${two(m)}-${two(d)}`,
      `${two(d)}.${two(m)}.${y}`,
      `${d} ${pick(['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca'])} ${y}`,
    ]);
  };
  const money = () =>
    pick([
      `${int(1, 9999)},${two(int(0, 99))} zł`,
      `$${int(1, 9999)}.${two(int(0, 99))}`,
      `${int(1, 99)} ${String(int(0, 999)).padStart(3, '0')} PLN`,
    ]);
  const count = () =>
    pick([
      String(int(1, 999)),
      `${int(1, 99)},${int(0, 9)}%`,
      `${int(1, 9)} ${String(int(0, 999)).padStart(3, '0')}`,
      `${int(1, 5)}.${int(0, 9)}.${int(0, 20)}`,
      String(int(1000, 99999)),
    ]);
  const sentences: ReadonlyArray<() => string> = [
    () => `Mój PESEL to ${pesel()}, a numer telefonu ${phone()}.`,
    () => `Proszę o kontakt na ${email()} lub przelew na ${iban()}.`,
    () =>
      `NIP firmy: ${nip()}, faktura FV/${int(2019, 2026)}/${String(int(1, 999)).padStart(5, '0')} z dnia ${date()}.`,
    () => `Card ${card()} was charged ${money()} on ${date()} at ${two(int(0, 23))}:${two(int(0, 59))}.`,
    () =>
      `Zużycie wyniosło ${count()} kWh w ${int(1, 4)} kwartale, o ${count()} mniej niż rok wcześniej; ${int(1, 9)} z ${int(10, 99)} liczników wymieniono.`,
    () =>
      `The cluster has ${int(2, 99)} nodes, ${int(16, 999)} cores and ${int(1, 9)}.${int(0, 9)} TB of memory; ${int(1, 9)} of them still run release ${count()}.`,
    () =>
      `Klient ${name()} (tel. ${phone()}, e-mail ${email()}) zgłosił reklamację nr ${int(100, 9999)} na ${money()}.`,
    () => `Batch ${int(1, 99)} took ${int(10, 999)} s for ${count()} rows, with ${int(0, 9)} retries.`,
  ];
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const s = sentences[i % sentences.length]!();
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join(' ');
}
