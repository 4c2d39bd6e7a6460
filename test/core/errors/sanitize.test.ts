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

describe('sanitizeMessage on what backends really send', () => {
  for (const [name, raw, leaks, kept] of [
    [
      'a host name without a scheme',
      'upstream gpu-node-7.internal.corp:8000 refused',
      ['gpu-node-7', '8000'],
      'refused',
    ],
    ['an internal name', 'cannot resolve vllm.ml.svc.cluster.local', ['vllm.ml'], 'cannot resolve'],
    ['an e-mail address', 'quota of jan.kowalski@example.com exceeded', ['jan.kowalski', 'example.com'], 'quota of'],
    ['a file path', "No such file '/srv/models/llama-70b/config.json'", ['/srv/models', 'llama-70b'], 'No such file'],
    ['a Windows path', 'cannot open C:\\models\\secret\\weights.bin now', ['C:\\models', 'weights.bin'], 'cannot open'],
    [
      'a Python traceback',
      'Internal error\nTraceback (most recent call last):\n  File "/app/server.py", line 12, in handle\nKeyError: x',
      ['/app/server.py', 'KeyError'],
      'Internal error (traceback omitted)',
    ],
  ] as const) {
    it(`removes ${name}`, () => {
      const out = sanitizeMessage(raw);
      for (const leak of leaks) assert.ok(!out.includes(leak), `${leak} in ${out}`);
      assert.ok(out.includes(kept), out);
    });
  }

  it('never passes on an HTML page', () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx at 10.0.0.1</body></html>';
    assert.equal(sanitizeMessage(page), 'The provider answered with an HTML page');
  });

  it('keeps the words of an ordinary error', () => {
    assert.equal(
      sanitizeMessage("This model's maximum context length is 8192 tokens. However, you requested 9000 tokens."),
      "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.",
    );
    assert.equal(
      sanitizeMessage('Invalid value for temperature: 3.5 (max 2.0)'),
      'Invalid value for temperature: 3.5 (max 2.0)',
    );
  });
});
