import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ECHO_PREFIX } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const optIn = useStack({ LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
const noRestore = useStack({
  LLM_ROUTER_FORCE_MASKING: 'tak',
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: ' fast_masker , ',
  LLM_ROUTER_MASKING_RESTORE: 'nie',
});

const PROMPT = 'Call 600 123 456 or mail jan.kowalski@example.com';

async function chat(url: string, extra: object = {}) {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: chatModel('vllm', 'echo'), messages: [{ role: 'user', content: PROMPT }], ...extra }),
  });
  return ((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
}

describe('masking options', () => {
  it('masks only requests that ask with "anonymize": true, and never forwards the flag', async () => {
    assert.equal(await chat(optIn.gateway.url), ECHO_PREFIX + PROMPT);
    assert.ok(JSON.stringify(optIn.upstream.last().body).includes('jan.kowalski@example.com'), 'not asked: sent as is');
    assert.equal(await chat(optIn.gateway.url, { anonymize: true }), ECHO_PREFIX + PROMPT);
    const sent = optIn.upstream.last().body;
    assert.ok(!JSON.stringify(sent).includes('jan.kowalski@example.com'));
    assert.equal(sent['anonymize'], undefined);
  });

  it('leaves placeholders in the answer with LLM_ROUTER_MASKING_RESTORE off', async () => {
    assert.equal(await chat(noRestore.gateway.url), `${ECHO_PREFIX}Call {{PHONE_1}} or mail {{EMAIL_1}}`);
  });
});
