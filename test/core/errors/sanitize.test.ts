import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeMessage } from '../../../core/errors/sanitize.js';

describe('sanitizeMessage', () => {
  it('removes URLs, addresses and keys from provider errors', () => {
    const out = sanitizeMessage(
      'failed to reach http://10.0.0.5:8000/v1/chat at 192.168.1.20:11434 [::1]:80 with Bearer abc.def and sk-proj-abcdefgh1234',
    );
    for (const leak of ['10.0.0.5', '192.168.1.20', '::1', 'abc.def', 'sk-proj-abcdefgh1234', 'http'])
      assert.ok(!out.includes(leak), `${leak} in ${out}`);
    assert.match(out, /failed to reach/);
  });

  it('keeps ordinary text, collapses whitespace and bounds the length', () => {
    assert.equal(sanitizeMessage('  max_tokens   is\ntoo large '), 'max_tokens is too large');
    assert.equal(sanitizeMessage('x'.repeat(1000)).length, 501);
    assert.equal(sanitizeMessage(''), 'The provider returned an error');
  });
});
