import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from './mask.js';

// The reference's test_nrb_krs_rules.py table. Deviations: a mapping keeps the value as written (with its
// spaces), because restoring must give back exactly what the user typed; the reference's NRB has its check
// digits fixed (40 → 04), because an account number whose check digits fail is not masked as one.
describe('NRB and KRS (reference table)', () => {
  it('masks a labelled NRB, plain and grouped', () => {
    assert.deepEqual(mask('NRB: 04123456789012345678901234'), {
      text: 'NRB: {{NRB_1}}',
      mappings: { '{{NRB_1}}': '04123456789012345678901234' },
      tags: ['NRB'],
      originals: ['04123456789012345678901234'],
    });
    const spaced = mask('NRB: 04 1234 5678 9012 3456 7890 1234');
    assert.equal(spaced.text, 'NRB: {{NRB_1}}');
    assert.deepEqual(spaced.originals, ['04 1234 5678 9012 3456 7890 1234']);
  });

  for (const input of [
    'NRB: 4012345678901234567890123',
    'NRB: 4012345678901234567890123a',
    'NRB: 041234567890123456789012345',
    'NRB: 041234567890123456789012349',
    'NRB: 940123456789012345678901234',
  ]) {
    it(`leaves ${input}`, () => assert.ok(!mask(input).tags.includes('NRB')));
  }

  it('masks two NRBs', () => {
    assert.equal(
      mask('NRB: 04123456789012345678901234 | NRB: 04 1234 5678 9012 3456 7890 1234').text,
      'NRB: {{NRB_1}} | NRB: {{NRB_2}}',
    );
  });

  it('masks an NRB only when its check digits hold, labelled or not', () => {
    assert.deepEqual(mask('przelew na 61109010140000071219812874').tags, ['NRB']);
    assert.ok(!mask('przelew na 61109010140000071219812875').tags.includes('NRB'));
    assert.ok(!mask('NRB: 40123456789012345678901234').tags.includes('NRB'), 'the reference value, check digits wrong');
    assert.ok(!mask('numer konta 61 1090 1014 0000 0712 1981 2875').tags.includes('NRB'));
  });

  for (const [input, original] of [
    ['KRS: 0000000013', '0000000013'],
    ['KRS: 000-000-00-13', '000-000-00-13'],
    ['KRS: 000 000-00 13', '000 000-00 13'],
  ] as const) {
    it(`masks ${input}`, () => {
      const r = mask(input);
      assert.equal(r.text, 'KRS: {{KRS_1}}');
      assert.deepEqual(r.originals, [original]);
    });
  }

  for (const input of [
    'KRS: 0000000a10',
    'KRS: 123456789',
    'KRS: 12345678901',
    'KRS: 12a-456-78-9b',
    'KRS: 00000000131',
    'abc0000000013',
    'KRS: 0000000013xyz',
  ]) {
    it(`leaves ${input} without a KRS`, () => assert.ok(!mask(input).tags.includes('KRS')));
  }
});
