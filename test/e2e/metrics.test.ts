import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack({ LLM_ROUTER_USE_PROMETHEUS: '1' });

describe('Prometheus metrics', () => {
  it("exposes the reference's metric names with the provider and model of each call", async () => {
    const client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    await client.chat.completions.create({ model: chatModel('vllm'), messages: [{ role: 'user', content: 'Hi' }] });
    await client.chat.completions
      .create({ model: 'unreachable', messages: [{ role: 'user', content: 'Hi' }] })
      .catch(() => undefined);
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    assert.match(text, /http_requests_total\{method="POST",endpoint="\/v1\/chat\/completions",http_status="200"\} 1/);
    assert.match(text, /llm_router_provider_calls_total\{provider_type="vllm",model_name="ok-vllm"\} 1/);
    const outputTokens = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('llm_router_tokens_total{') &&
          l.includes('direction="output"') &&
          l.includes('model_name="ok-vllm"'),
      );
    assert.match(outputTokens ?? '', / 7$/);
    assert.match(text, /llm_router_lb_strategy_selected_total\{strategy="balanced",model_name="ok-vllm"\} 1/);
    assert.match(
      text,
      /llm_router_provider_error_total\{provider_type="openai",model_name="unreachable",error_code="connection_error"\} 1/,
    );
    assert.match(text, /http_request_duration_seconds_bucket/);
  });
});
