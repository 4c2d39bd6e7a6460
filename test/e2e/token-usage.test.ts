import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { CACHED_USAGE } from '../support/fake-protocols.js';
import { USAGE } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack({ LLM_ROUTER_USE_PROMETHEUS: '1' });
const MODEL = chatModel('anthropic', 'cached');
const ask = [{ role: 'user' as const, content: 'Hi' }];
const openai = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });

async function inputTokensCounted(): Promise<number> {
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('llm_router_tokens_total{') &&
        l.includes(`model_name="${MODEL}"`) &&
        l.includes('direction="input"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('token counts behind an Anthropic backend that reports cache reads', () => {
  it('OpenAI clients get every input token in prompt_tokens, the cached ones in prompt_tokens_details', async () => {
    const before = await inputTokensCounted();
    const whole = await openai().chat.completions.create({ model: MODEL, messages: ask });
    assert.equal(whole.usage?.prompt_tokens, CACHED_USAGE.total);
    assert.equal(whole.usage?.prompt_tokens_details?.cached_tokens, CACHED_USAGE.cacheRead);
    assert.equal(whole.usage?.total_tokens, CACHED_USAGE.total + USAGE.output);

    let streamed: OpenAI.CompletionUsage | null | undefined;
    for await (const c of await openai().chat.completions.create({
      model: MODEL,
      messages: ask,
      stream: true,
      stream_options: { include_usage: true },
    }))
      if (c.usage) streamed = c.usage;
    assert.equal(streamed?.prompt_tokens, CACHED_USAGE.total);
    assert.equal(streamed?.prompt_tokens_details?.cached_tokens, CACHED_USAGE.cacheRead);
    // Both requests are counted, streamed or not, with every input token.
    assert.equal((await inputTokensCounted()) - before, 2 * CACHED_USAGE.total);
  });

  it('Responses clients get input_tokens and input_tokens_details.cached_tokens', async () => {
    const whole = await openai().responses.create({ model: MODEL, input: 'Hi' });
    assert.equal(whole.usage?.input_tokens, CACHED_USAGE.total);
    assert.equal(whole.usage?.input_tokens_details.cached_tokens, CACHED_USAGE.cacheRead);
    const streamed = await openai().responses.stream({ model: MODEL, input: 'Hi' }).finalResponse();
    assert.equal(streamed.usage?.input_tokens, CACHED_USAGE.total);
    assert.equal(streamed.usage?.input_tokens_details.cached_tokens, CACHED_USAGE.cacheRead);
  });

  it('Ollama clients get every input token in prompt_eval_count', async () => {
    const ollama = new Ollama({ host: stack.gateway.url });
    const whole = await ollama.chat({ model: MODEL, messages: ask });
    assert.equal(whole.prompt_eval_count, CACHED_USAGE.total);
    let last = 0;
    for await (const p of await ollama.chat({ model: MODEL, messages: ask, stream: true }))
      if (p.done) last = p.prompt_eval_count;
    assert.equal(last, CACHED_USAGE.total);
  });
});
