import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ECHO_PREFIX } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { SidecarProcess } from '../support/sidecar-process.js';
import { useStack } from '../support/stack.js';

const sidecar = new SidecarProcess();
const started = sidecar.start();
after(() => sidecar.stop());
const stack = useStack(async () => ({
  LLM_ROUTER_FORCE_MASKING: '1',
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker,pii_masker',
  LLM_ROUTER_MASKER_PII_HOST: (await started).url,
}));

const SAID = 'Anna Kowalska (anna.k@example.com) mieszka w Krakowie, a Jan Nowak pisze do Anna Kowalska.';

const sentText = () => {
  const body = stack.upstream.last().body as { messages?: Array<{ content: unknown }> };
  return JSON.stringify(body.messages);
};

describe('pii_masker through the sidecar', () => {
  it('masks names and places fast_masker cannot find, and the client gets them back', async () => {
    const openai = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const res = await openai.chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: SAID }],
    });
    const sent = sentText();
    for (const secret of ['Anna', 'Kowalska', 'Krakowie', 'Nowak', 'anna.k@example.com'])
      assert.ok(!sent.includes(secret), `${secret} reached the provider: ${sent}`);
    assert.match(
      sent,
      /\{\{PERSON_1\}\} \(\{\{EMAIL_1\}\}\) mieszka w \{\{LOCATION_1\}\}, a \{\{PERSON_2\}\} pisze do \{\{PERSON_1\}\}\./,
    );
    assert.equal(res.choices[0]!.message.content, ECHO_PREFIX + SAID);
  });

  it('restores them in a stream that splits every placeholder, in another dialect', async () => {
    const anthropic = new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
    const msg = await anthropic.messages
      .stream({ model: chatModel('ollama', 'echo'), max_tokens: 99, messages: [{ role: 'user', content: SAID }] })
      .finalMessage();
    assert.equal(msg.content[0]?.type === 'text' ? msg.content[0].text : '', ECHO_PREFIX + SAID);
    assert.ok(!sentText().includes('Kowalska'));
  });

  it('masks a text with the maskers named in /api/fast_text_mask, one mapping for both', async () => {
    const mask = async (maskers?: string[]) => {
      const res = await fetch(`${stack.gateway.url}/api/fast_text_mask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: SAID, ...(maskers ? { maskers } : {}) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const fast = await mask();
    assert.equal(fast.body.text, SAID.replace('anna.k@example.com', '{{EMAIL_1}}'));
    const pii = await mask(['pii_masker']);
    assert.match(pii.body.text, /^\{\{PERSON_1\}\} \(.*\) mieszka w \{\{LOCATION_1\}\}/);
    assert.ok(!pii.body.text.includes('Kowalska'));
    const both = await mask(['fast_masker', 'pii_masker']);
    assert.match(both.body.text, /^\{\{PERSON_1\}\} \(\{\{EMAIL_1\}\}\) mieszka w \{\{LOCATION_1\}\}/);
    assert.equal(both.body.mappings['{{PERSON_1}}'], 'Anna Kowalska');
    assert.equal(both.body.mappings['{{EMAIL_1}}'], 'anna.k@example.com');
    const unknown = await mask(['fast_masker', 'regex']);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.param, 'maskers.1');
    assert.doesNotMatch(JSON.stringify(unknown.body), /regex/);
  });
});
