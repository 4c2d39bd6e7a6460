import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from './mask.js';

// The reference's test_bank_account_rule.py and test_iban_masking.py tables.
describe('IBAN bank accounts (reference table)', () => {
  for (const iban of [
    'PL73102000105799000000000000',
    'PL 73 1020 0010 5799 0000 0000 0000',
    'PL-73-1020-0010-5799-0000-0000-0000',
    'PL 73 10200010 57990000 00000000',
    'PL73 1020 0010 5799 0000 0000 0000',
    'PL 7310 200010 57990000 00000000',
    'PL79801001060000042270201111',
    'PL67160000000000042270201111',
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'DE89-3704-0044-0532-0130-00',
    'DE 89370400440532013000',
    'GB29NWBK60161331926819',
    'GB29 NWBK 6016 1331 9268 19',
    'GB29-NWBK-6016-1331-9268-19',
    'GB 29NWBK60161331926819',
    'PLXX10XX5799XXXX00000000ABCD',
    'PL-XX-10XX-5799-XXXX-0000-ABCD',
    'PL 10 10XX 5799 XXXX 0000 AB CD',
  ]) {
    it(`masks ${iban} whole, in a sentence`, () => {
      const r = mask(`Przelew na konto ${iban} do piątku.`);
      assert.equal(r.text, 'Przelew na konto {{BANK_ACCOUNT_1}} do piątku.');
      assert.deepEqual(r.originals, [iban]);
    });
  }

  it('masks two accounts on separate lines and never as cards', () => {
    const r = mask('PL73102000105799000000000000\nDE89370400440532013000');
    assert.equal(r.text, '{{BANK_ACCOUNT_1}}\n{{BANK_ACCOUNT_2}}');
    assert.ok(!r.tags.includes('SIM_CARD') && !r.tags.includes('CREDIT_CARD'));
  });

  it('masks a compact IBAN typed in lower case, checksum-valid only', () => {
    assert.deepEqual(mask('konto gb29nwbk60161331926819 ok').tags, ['BANK_ACCOUNT']);
    assert.ok(!mask('konto gb29nwbk60161331926818 ok').tags.includes('BANK_ACCOUNT'));
  });

  for (const [why, input] of [
    ['too short', 'PL171020001057990000000000'],
    ['too long', 'PL171020001057990000000000000'],
    ['an unknown country', 'XX17102000105799000000000000'],
    ['a bad checksum', 'PL16102000105799000000000000'],
    ['no country', '123456789012345678901234'],
  ] as const) {
    it(`leaves ${why}: ${input}`, () => assert.ok(!mask(input).tags.includes('BANK_ACCOUNT')));
  }
});
