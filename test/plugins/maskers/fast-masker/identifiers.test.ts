import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from './mask.js';

// Each validated identifier: a known-valid value is masked with its tag; the same value with one digit
// changed (breaking the checksum) is not masked with that tag.
const CASES: Array<[tag: string, valid: string, broken: string]> = [
  ['PESEL', '44051401359', '44051401358'],
  ['PESEL', '02070803628', '02070803629'],
  ['NIP', '526-000-12-46', '526-000-12-47'],
  ['NIP', '1234563218', '1234563219'],
  ['REGON', '123456785', '123456786'],
  ['REGON', '12345678512347', '12345678512348'],
  ['VIN', '1HGCM82633A004352', '1HGCM82633A004353'],
  ['VIN', '1M8GDM9AXKP042788', '1M8GDM9A1KP042788'],
  ['BANK_ACCOUNT', 'PL61109010140000071219812874', 'PL61109010140000071219812875'],
  ['BANK_ACCOUNT', 'GB29NWBK60161331926819', 'GB29NWBK60161331926818'],
  ['CREDIT_CARD', '4111 1111 1111 1111', '4111 1111 1111 1112'],
  ['CREDIT_CARD', '3782 822463 10005', '3782 822463 10006'],
  ['SIM_CARD', '8948 0100 0000 0000 0007', '8948 0100 0000 0000 0008'],
  ['ID_CARD', 'ABA300000', 'ABA300001'],
  ['EU_VAT', 'PL5260001246', 'PL5260001247'],
];

describe('checksum-validated identifiers', () => {
  for (const [tag, valid, broken] of CASES) {
    it(`${tag}: masks ${valid}, not ${broken}`, () => {
      const good = mask(`Numer: ${valid}.`);
      assert.ok(good.tags.includes(tag), `${valid} → ${good.text}`);
      assert.deepEqual(
        good.originals.filter((_, i) => good.tags[i] === tag),
        [valid],
      );
      assert.ok(!mask(`Numer: ${broken}.`).tags.includes(tag), `${broken} taken for ${tag}`);
    });
  }

  it('PESEL: a checksum-valid number with an impossible birth date is not a PESEL', () => {
    assert.ok(!mask('Numer 44133101354').tags.includes('PESEL'));
    // Month fields outside 01–12 plus a century's 0/20/40/60/80 (13, 00, 19, 20, 93) with day 01 or 15: the
    // date must not roll over into the next year; 29 February only in leap years (1900 was not one).
    for (const impossible of ['44130101350', '44001501351', '02190177339', '44200101350', '44930101354'])
      assert.ok(!mask(`Numer ${impossible}`).tags.includes('PESEL'), impossible);
    assert.ok(!mask('Numer 02222901332').tags.includes('PESEL'), '29 February 2002');
    assert.ok(!mask('Numer 00022901356').tags.includes('PESEL'), '29 February 1900');
    for (const leap of ['04222901336', '04022901354', '96222901355'])
      assert.deepEqual(mask(`PESEL ${leap}`).tags, ['PESEL'], leap);
  });

  it('cards: 12-digit Maestro numbers in its ranges, never digits glued to a letter', () => {
    assert.deepEqual(mask('Maestro 6304 2737 3398').tags, ['CREDIT_CARD']);
    assert.ok(!mask('ref 0604 2607 0011').tags.includes('CREDIT_CARD'), 'Luhn-valid but outside the Maestro ranges');
    assert.ok(!mask('licence U62928788557186').tags.includes('CREDIT_CARD'));
  });

  it('SSN: masks valid areas, groups and serials only', () => {
    assert.deepEqual(mask('SSN 123-45-6789').tags, ['SSN']);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000'])
      assert.ok(!mask(`SSN ${bad}`).tags.includes('SSN'), bad);
  });

  it('validated identifiers win over looser patterns', () => {
    assert.deepEqual(mask('PESEL 44051401359').tags, ['PESEL']);
    assert.deepEqual(mask('NIP 1234563218').tags, ['NIP']);
    assert.deepEqual(mask('karta 4111111111111111').tags, ['CREDIT_CARD']);
  });
});

describe('other identifiers', () => {
  for (const [text, tags] of [
    ['mail: anna.nowak+test@firma.com.pl', ['EMAIL']],
    ['see https://intranet.example.com/hr?id=7.', ['URL']],
    ['host 192.168.1.20:5432', ['IP', 'PORT']],
    ['mac 00-1A-2B-3C-4D-5E', ['MAC_ADDRESS']],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', ['JWT']],
    ['invoice FV/2024/00123', ['INVOICE_NUMBER']],
    ['order ORD-123456', ['ORDER_NUMBER']],
    ['ref TRX-20240514-0042', ['TRANSACTION_REF']],
    ['profile fbid100012345678', ['SOCIAL_ID']],
    ['serial 3A4F9C2E1B7D8A60', ['SSL_CERT']],
    ['paszport ZS0000177', ['PASSPORT']],
    ['NPWZ 12345678/123', ['HEALTH_CODE']],
    ['kwota 1 250,99 zł i $300', ['MONEY', 'MONEY']],
    ['urodzony 14 maja 1984, termin 2024-06-30 o 9:30', ['DATE', 'DATE', 'TIME']],
    ['born 2/8/1935 at 11:34:35', ['DATE', 'TIME']],
    ['call (905) 674-3793 or 541-714-1388', ['PHONE', 'PHONE']],
    ['spotkanie o 14:45', ['TIME']],
    ['adres 00-950 Warszawa', ['POSTAL_CODE']],
    ['rejestracja KR 4567X', ['CAR_PLATE']],
  ] as const) {
    it(`${tags.join('+')} in "${text}"`, () => assert.deepEqual(mask(text).tags.sort(), [...tags].sort()));
  }
});

describe('identifiers grouped by dots, slashes or doubled spaces', () => {
  // Each once left in clear whole: the patterns allowed only spaces and hyphens between the groups.
  for (const [typed, tag] of [
    ['4111.1111.1111.1111', 'CREDIT_CARD'],
    ['4111/1111/1111/1111', 'CREDIT_CARD'],
    ['4111  1111  1111  1111', 'CREDIT_CARD'],
    ['61.1090.1014.0000.0712.1981.2874', 'NRB'],
    ['61/1090/1014/0000/0712/1981/2874', 'NRB'],
    ['PL61.1090.1014.0000.0712.1981.2874', 'BANK_ACCOUNT'],
    ['PL61/1090/1014/0000/0712/1981/2874', 'BANK_ACCOUNT'],
    ['DE89.3704.0044.0532.0130.00', 'BANK_ACCOUNT'],
  ] as const) {
    it(`${tag}: "${typed}"`, () => {
      const { text, tags } = mask(`Dane: ${typed}, proszę sprawdzić.`);
      assert.equal(text, `Dane: {{${tag}_1}}, proszę sprawdzić.`, tags.join());
    });
  }
  it('still checks their digits', () => {
    for (const broken of [
      '4111.1111.1111.1112',
      '61.1090.1014.0000.0712.1981.2875',
      'PL61.1090.1014.0000.0712.1981.2875',
    ])
      assert.deepEqual(mask(`Dane: ${broken}.`).tags, [], broken);
  });
});

describe('dates with a one-digit day or month, Roman months, ordinals', () => {
  // Each was left in clear.
  for (const date of [
    '24.5.1949',
    '5.2.1998',
    '5.10.2009',
    '5-2-1998',
    '5. 2. 1998',
    '1985-5-14',
    '14.V.2024',
    '3 XII 1999',
    '3. IV. 1999',
    '14th of May 2024',
    '3rd March, 2021',
    '14-Sep-2024',
  ])
    it(`"${date}"`, () => assert.equal(mask(`urodzony ${date} w Łodzi`).text, 'urodzony {{DATE_1}} w Łodzi'));
  it('not versions and section numbers', () => {
    for (const text of ['wersja 2.4.1 i 2.4.10', 'rozdział 3.1.12, strona 2.5.100', 'pokoje 14 i 2024', '1985-5-35'])
      assert.equal(mask(text).text, text);
  });
});

describe('addresses and labels where a sentence puts them', () => {
  for (const [text, masked] of [
    // An address ending a sentence, or after a label's colon, was once left in clear.
    ['Logowanie z 10.20.30.40.', 'Logowanie z {{IP_1}}.'],
    ['Serwer 10.20.30.40:443. Potem nic.', 'Serwer {{IP_1}}:{{PORT_1}}. Potem nic.'],
    ['IP:10.20.30.40, host:10.20.30.41', 'IP:{{IP_1}}, host:{{IP_2}}'],
    ['PESEL-44051401359 w aktach', 'PESEL-{{PESEL_1}} w aktach'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('not a part of a longer dotted number or of an IPv6 address', () => {
    for (const text of ['wersja 1.2.3.4.5', 'adres ::ffff:10.20.30.40', 'v1.2.3.4.'])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe('e-mail addresses written to hide them', () => {
  for (const [text, masked] of [
    ['Pisz: jan.kowalski(at)example.com.', 'Pisz: {{EMAIL_1}}.'],
    ['jan [at] example [dot] com', '{{EMAIL_1}}'],
    ['jan @ example.com lub anna@ firma.pl', '{{EMAIL_1}} lub {{EMAIL_2}}'],
    ['ola(małpa)poczta.onet.pl', '{{EMAIL_1}}'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('not a handle, a price or "at" in a sentence', () => {
    for (const text of ['follow @example.com and @jan', 'look at example.com', 'price 5 @ 3.50 each'])
      assert.equal(mask(text).text, text);
  });
});

describe('passports, SSNs, links, MAC addresses and landlines as they are printed', () => {
  for (const [text, masked] of [
    // Each was left in clear: the passport's printed space, an SSN after its label with spaces or none, a
    // link whose domain is not ASCII, Cisco's dotted MAC form, older Polish landline forms.
    ['paszport ZS 0000177', 'paszport {{PASSPORT_1}}'],
    ['SSN 078 05 1120 on file', 'SSN {{SSN_1}} on file'],
    ['(SSN: 078051120)', '(SSN: {{SSN_1}})'],
    ['link https://przykład.pl/konto?id=984746.', 'link {{URL_1}}.'],
    ['router e093.5537.a634.', 'router {{MAC_ADDRESS_1}}.'],
    ['tel. (0-22) 628 12 34', 'tel. {{PHONE_1}}'],
    ['Biuro: (0 22) 628-12-34', 'Biuro: {{PHONE_1}}'],
    ['kontakt 22/628 12 34.', 'kontakt {{PHONE_1}}.'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('an SSN the SSA never issues is not one, labelled or not', () => {
    for (const text of ['SSN 666 05 1120', 'SSN: 900051120', 'SSN 078 00 1120', 'SSN 078-05 1120'])
      assert.ok(!mask(text).tags.includes('SSN'), text);
  });
  it('dotted groups of four that are no MAC address', () => {
    for (const text of ['build 2024.0514.1230', 'wersja 1.2.abcd.ef01.2345', 'abcd.ef01.2345.6789'])
      assert.deepEqual(mask(text).tags, [], text);
  });
  it('a slash only after the area code makes a landline', () => {
    for (const text of ['strona 12/345 67', 'nr 12/345/678/90', '511/218/066'])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe('links with any scheme, in any case, with their credentials', () => {
  for (const [text, masked] of [
    // Each left something in clear: upper-case schemes and www., schemes other than http(s), a user and password
    // in the link (the e-mail rule took their second half and left the user's name), an IPv6 host.
    ['Open HTTPS://BANK.EXAMPLE.PL/konto?id=984746 now', 'Open {{URL_1}} now'],
    ['plik: ftp://jan:Haslo123@ftp.example.com/raport.pdf.', 'plik: {{URL_1}}.'],
    ['kamera rtsp://admin:tajne@192.168.1.64:554/stream', 'kamera {{URL_1}}'],
    ['sftp://anna.nowak@files.example.org/home/anna', '{{URL_1}}'],
    ['wss://chat.example.com/room?user=kowalski', '{{URL_1}}'],
    ['api http://[2001:db8::1]:8080/v1/users/8841', 'api {{URL_1}}'],
    ['Strona: WWW.Kowalski-Auto.PL/oferta?id=77.', 'Strona: {{URL_1}}.'],
    ['Www.przykład.pl/profil/anna', '{{URL_1}}'],
    // Without a scheme or www.: a host with a known top-level domain and a path.
    ['profil: example.com/profile/026369.', 'profil: {{URL_1}}.'],
    ['(github.com/jkowalski)', '({{URL_1}})'],
    ['wejdź na sklep.kowalski-auto.pl/zamowienia?nr=88412 i sprawdź', 'wejdź na {{URL_1}} i sprawdź'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('what is no link: no scheme or no host, a file name, a host without a path', () => {
    for (const text of [
      'ratio 3://4',
      'see ://example',
      'www.',
      'a wwww.b',
      // No host, a file name, a host without a path, a path inside a path.
      'and/or km/h 1.5/2 U.S./Canada',
      'Node.js/Deno, README.md/docs, main.rs/lib',
      'napisz na firma.pl.',
      'src/app.com/x, ../x.pl/y',
    ])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe('national identity and tax numbers of other EU countries', () => {
  // Each was left in clear (a BSN happened to be taken as a phone).
  for (const [text, masked] of [
    ['DNI 12345678Z', 'DNI {{NATIONAL_ID_1}}'],
    ['DNI: 12.345.678-Z.', 'DNI: {{NATIONAL_ID_1}}.'],
    ['NIE X1234567L', 'NIE {{NATIONAL_ID_1}}'],
    ['numéro de sécurité sociale 2 95 10 99 126 111 93', 'numéro de sécurité sociale {{NATIONAL_ID_1}}'],
    ['n° sécu 295109912611193.', 'n° sécu {{NATIONAL_ID_1}}.'],
    ['NIR 2 69 05 2A 123 456 88', 'NIR {{NATIONAL_ID_1}}'],
    ['codice fiscale RSSMRA85T10A562S', 'codice fiscale {{NATIONAL_ID_1}}'],
    ['(cf: rssmra85t10a562s)', '(cf: {{NATIONAL_ID_1}})'],
    ['Steuer-ID: 86 095 742 719', 'Steuer-ID: {{NATIONAL_ID_1}}'],
    ['IdNr. 47036892816', 'IdNr. {{NATIONAL_ID_1}}'],
    ['AHV 756.1234.5678.97', 'AHV {{NATIONAL_ID_1}}'],
    ['AVS 7561234567897.', 'AVS {{NATIONAL_ID_1}}.'],
    ['NI number AB 12 34 56 C', 'NI number {{NATIONAL_ID_1}}'],
    ['(NINO: AB123456C)', '(NINO: {{NATIONAL_ID_1}})'],
    ['NHS number: 943 476 5919', 'NHS number: {{NATIONAL_ID_1}}'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('a wrong check digit or letter, or no label where one is needed, is no identity number', () => {
    for (const text of [
      'DNI 12345678A',
      'NIE X1234567A',
      'NIR 2 95 10 99 126 111 94',
      'codice RSSMRA85T10A562T',
      'Steuer-ID 86095742718',
      'ref 86095742719x',
      'AHV 756.1234.5678.98',
      'NINO QQ 12 34 56 C',
      'BG 12 34 56 A',
    ])
      assert.ok(!mask(text).tags.includes('NATIONAL_ID'), text);
  });
});

describe('account numbers after their label, without an IBAN', () => {
  for (const [text, masked] of [
    ['Konto 1234567890, BLZ 37040044', 'Konto {{BANK_ACCOUNT_1}}, BLZ 37040044'],
    ['Kontonummer: 0532013000', 'Kontonummer: {{BANK_ACCOUNT_1}}'],
    ['Konto-Nr. 12 345 678', 'Konto-Nr. {{BANK_ACCOUNT_1}}'],
    ['account number 12345678.', 'account number {{BANK_ACCOUNT_1}}.'],
    ['acct no. 00123456', 'acct no. {{BANK_ACCOUNT_1}}'],
    ['numéro de compte 00012345678', 'numéro de compte {{BANK_ACCOUNT_1}}'],
    ['número de cuenta 0049 1500 05 1234567892', 'número de cuenta {{BANK_ACCOUNT_1}}'],
    ['numero di conto 000012345678', 'numero di conto {{BANK_ACCOUNT_1}}'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('a short number, or none, after the word is no account', () => {
    for (const text of ['Konto 12345', 'konto 2024', 'account 5 days', 'my account: see below', 'discount 1234567'])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe("documents' numbers after their label", () => {
  // Each was left in clear (a passport number of nine digits only when it looked like a phone).
  for (const [text, masked] of [
    ['Reisepassnummer C01X00T47', 'Reisepassnummer {{PASSPORT_1}}'],
    ['passport no. 533380006.', 'passport no. {{PASSPORT_1}}.'],
    ['passeport n° 15AB12345', 'passeport n° {{PASSPORT_1}}'],
    ['Ausweis-Nr. T22000129', 'Ausweis-Nr. {{ID_CARD_1}}'],
    ['pasaporte XDA123456', 'pasaporte {{PASSPORT_1}}'],
    ['ID card number AB1234567', 'ID card number {{ID_CARD_1}}'],
    ["carte d'identité n° 880692310285", "carte d'identité n° {{ID_CARD_1}}"],
    ["driver's licence no. D1234567", "driver's licence no. {{DRIVING_LICENCE_1}}"],
    ['Führerschein B072RRE2I55', 'Führerschein {{DRIVING_LICENCE_1}}'],
    ['permis de conduire nº 123456789012', 'permis de conduire nº {{DRIVING_LICENCE_1}}'],
    ['matrícula 1234 BCD', 'matrícula {{CAR_PLATE_1}}'],
    // A European VIN has no check digit: after its label it is masked without one.
    ['VIN WVWZZZ1JZXW000001', 'VIN {{VIN_1}}'],
    ['Fahrgestellnummer: WDB2110421A123456.', 'Fahrgestellnummer: {{VIN_1}}.'],
  ] as const)
    it(`"${text}"`, () => assert.equal(mask(text).text, masked));
  it('the label alone, or a number that is no document number, is left', () => {
    for (const text of [
      'my passport expired in 2024',
      'licence plate is on file',
      'Kennzeichen 12 I think',
      'ID: 12345',
      'code WVWZZZ1JZXW000001',
      'w 2024 roku',
      'passport no. ABCD12345',
      'ABC123 passport',
    ])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe('amounts masked whole', () => {
  // An amount of four or more digits with no thousands separator once had its first three digits masked
  // and the rest left in clear (`$6312.91` became `{{MONEY_1}}2.91`).
  for (const amount of [
    '$6312.91',
    '$12345',
    'USD 1250.50',
    '€ 1000000',
    'PLN 20000,99',
    '$120.50',
    '$1,250.99',
    '$5k',
  ]) {
    it(`"${amount}"`, () => assert.equal(mask(`charged ${amount} today`).text, 'charged {{MONEY_1}} today'));
  }
});

describe('dates with the month in words', () => {
  // Every Polish month in the genitive, as dates are written ("14 marca 2020" was once left in clear: the
  // pattern had "marzca" for "marca"), and in the nominative after a year.
  const GENITIVE = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września'];
  for (const month of [...GENITIVE, 'października', 'listopada', 'grudnia'])
    it(`"14 ${month} 2020"`, () => assert.equal(mask(`dnia 14 ${month} 2020 r.`).text, 'dnia {{DATE_1}} r.'));
  for (const month of ['styczeń', 'marzec', 'kwiecień', 'grudzień'])
    it(`"2020 ${month} 14"`, () => assert.equal(mask(`dnia 2020 ${month} 14 r.`).text, 'dnia {{DATE_1}} r.'));
  // The other languages' day-first forms were all left in clear.
  for (const date of [
    '14. Mai 1985',
    '3. Dezember 2001',
    '7. Okt. 1999',
    '1er mai 1985',
    '14 décembre 2001',
    '2 févr. 1990',
    '14 de mayo de 1985',
    '9 de diciembre del 2003',
    '14 maggio 1985',
    '14 de março de 1985',
    '14 мая 1985',
    '14 травня 1985',
  ])
    it(`"${date}"`, () => assert.equal(mask(`(${date})`).text, '({{DATE_1}})'));
  it('a month without its day or year is no date', () => {
    for (const text of ['Mars 2024: the mission', 'le 14 mars', 'am 3. Mai', 'de mayo de 2024', '14 de 2024'])
      assert.deepEqual(mask(text).tags, [], text);
  });
});

describe('what must not be masked', () => {
  for (const text of [
    'Version 2.0.1 was released; upgrade from v1.2.3.4 or wersja 10.0.0.1.',
    'We sold 12345 units in 2023 and 250 more in 2024.',
    'The ratio is 3.14 and pi is 3.14159.',
    'const total = items.length * 1024; if (x > 65535) return;',
    'Error 404 at line 1337 of main.ts',
    'ISBN 978-3-16-148410-0',
    'Chapter 12, section 3.2, page 45',
    'Run `npm install express@5.3.0` then `node --max-old-space-size=4096 app.js`',
    'The model gpt-4o-mini has 128000 tokens of context.',
    'Use localhost for development.',
    'Part AB1234567 (a passport shape whose check digit fails) ships today.',
    'Konto 40123456789012345678901234 ma złe cyfry kontrolne.',
  ]) {
    it(`leaves "${text}"`, () => assert.equal(mask(text).text, text));
  }
});
