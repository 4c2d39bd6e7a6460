import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from './mask.js';

// The reference's test_phone_rules.py table (its section 5.4). 59… is Słupsk's area code, so these mask.
describe('phones (reference table)', () => {
  for (const [input, original] of [
    ['Tel: 599422765', '599422765'],
    ['Tel: 592 722 765', '592 722 765'],
    ['Tel: 592-722-765', '592-722-765'],
    ['Tel: 592-722 765', '592-722 765'],
    ['Tel: 59 94 22 76 5', '59 94 22 76 5'],
  ] as const) {
    it(`masks ${input}`, () => {
      const r = mask(input);
      assert.equal(r.text, 'Tel: {{PHONE_1}}');
      assert.deepEqual(r.originals, [original]);
    });
  }

  for (const input of [
    'Num: 59942276',
    'Num: 5994227622',
    'Num: 59942276221',
    'Num: 12345678901234567890123456',
    'Num: 3599422765',
    'Num: 5994227659',
  ]) {
    it(`does not take ${input} for a phone`, () => assert.ok(!mask(input).tags.includes('PHONE')));
  }

  it('masks two and three numbers in one text', () => {
    assert.equal(mask('599422765 i 600123456').text, '{{PHONE_1}} i {{PHONE_2}}');
    assert.equal(mask('599422765 | 600 123 456 | 720-987-654').text, '{{PHONE_1}} | {{PHONE_2}} | {{PHONE_3}}');
  });

  for (const [input, original] of [
    ['Tel: +48599422765', '+48599422765'],
    ['Tel: +48 592 722 765', '+48 592 722 765'],
    ['Tel: +48 592-722-765', '+48 592-722-765'],
    ['Tel: +48-592-722-765', '+48-592-722-765'],
    ['Tel: +49 170 123456789', '+49 170 123456789'],
    ['Tel: +44 20 7946 0958', '+44 20 7946 0958'],
    ['Call (+48 592 722 765) now', '+48 592 722 765'],
  ] as const) {
    it(`masks the international ${original}`, () => {
      const r = mask(input);
      assert.deepEqual(r.tags, ['PHONE_INTERNATIONAL']);
      assert.deepEqual(r.originals, [original]);
    });
  }

  it('needs the + for an international number', () => {
    assert.ok(!mask('Tel: 48599422765').tags.includes('PHONE_INTERNATIONAL'));
    assert.equal(mask('Tel: +48').text, 'Tel: +48');
  });

  it('masks a domestic and an international number side by side', () => {
    assert.deepEqual(mask('599422765 i +48 600123456').tags.sort(), ['PHONE', 'PHONE_INTERNATIONAL']);
  });

  it('keeps a phone number followed by punctuation (the reference missed "600 123 456,")', () => {
    assert.equal(mask('Dzwoń: 600 123 456, dziękuję').text, 'Dzwoń: {{PHONE_1}}, dziękuję');
  });
});
