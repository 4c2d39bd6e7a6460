import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MaskingSession } from '../../../../core/pipeline/masking/masking-session.js';

describe('a masking session', () => {
  it('gives a value the same placeholder each time, numbered per tag, and tells it back', () => {
    const s = new MaskingSession();
    assert.equal(s.placeholder('EMAIL', 'a@example.com'), '{{EMAIL_1}}');
    assert.equal(s.placeholder('PHONE_INTERNATIONAL', '+48 600 123 456'), '{{PHONE_INTERNATIONAL_1}}');
    assert.equal(s.placeholder('EMAIL', 'b@example.com'), '{{EMAIL_2}}');
    assert.equal(s.placeholder('EMAIL', 'a@example.com'), '{{EMAIL_1}}');
    assert.equal(s.original('{{EMAIL_2}}'), 'b@example.com');
    assert.equal(s.original('{{PHONE_INTERNATIONAL_1}}'), '+48 600 123 456');
    assert.equal(s.size, 3);
    assert.deepEqual(Object.entries(s.mappings()), [
      ['{{EMAIL_1}}', 'a@example.com'],
      ['{{PHONE_INTERNATIONAL_1}}', '+48 600 123 456'],
      ['{{EMAIL_2}}', 'b@example.com'],
    ]);
    assert.deepEqual(
      s.hits,
      new Map([
        ['EMAIL', 3],
        ['PHONE_INTERNATIONAL', 1],
      ]),
    );
  });

  it('restores only the placeholders it issued, spelled as it spells them', () => {
    const s = new MaskingSession();
    s.placeholder('EMAIL', 'a@example.com');
    for (const other of [
      '{{EMAIL_01}}',
      '{{EMAIL_1.0}}',
      '{{EMAIL_ 1}}',
      '{{EMAIL_1e0}}',
      '{{EMAIL_0}}',
      '{{EMAIL_2}}',
      '{{PHONE_1}}',
      '{EMAIL_1}}',
      '{{EMAIL_1}',
      'EMAIL_1',
      '{{_1}}',
      '{{EMAIL_length}}',
      '{{EMAIL_constructor}}',
    ])
      assert.equal(s.original(other), undefined, other);
  });

  it('never issues a placeholder the request already holds, and never restores one', () => {
    const s = new MaskingSession();
    s.reserve(['My note says {{EMAIL_1}} and {{EMAIL_2}}', 'and {{PESEL_1}}']);
    assert.equal(s.placeholder('EMAIL', 'a@example.com'), '{{EMAIL_3}}');
    assert.equal(s.placeholder('EMAIL', 'b@example.com'), '{{EMAIL_4}}');
    assert.equal(s.placeholder('PESEL', '44051401359'), '{{PESEL_2}}');
    assert.equal(s.original('{{EMAIL_1}}'), undefined);
    assert.equal(s.original('{{EMAIL_2}}'), undefined);
    assert.equal(s.original('{{EMAIL_3}}'), 'a@example.com');
    assert.equal(s.original('{{PESEL_1}}'), undefined);
    assert.equal(s.size, 3);
  });
});
