import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import OpenAI from 'openai';
import { chatModel } from '../support/models.js';
import { tinyModels } from '../support/sidecar-process.js';
import { useStack } from '../support/stack.js';

// Targets point at fake models whose upstream names tell which one answered.
const targets = (codeExamples: string[], cookingExamples: string[]) =>
  JSON.stringify({
    embedding_model: 'builtin:char-ngram',
    settings: { chunk_size: 64, chunk_overlap: 16, similarity_threshold: 0.2, top_k: 2 },
    routing_targets: [
      { name: 'code', model_name: chatModel('vllm'), description: 'Programming and code', examples: codeExamples },
      {
        name: 'cooking',
        model_name: chatModel('ollama'),
        description: 'Recipes and cooking',
        examples: cookingExamples,
      },
    ],
  });

const CODE = ['Write a Python function that parses CSV', 'Fix the bug in this TypeScript code', 'compile the program'];
const COOKING = ['A recipe for tomato soup', 'How long to bake a cake?', 'Przepis na zupę i ciasto'];

function client(url: string) {
  return new OpenAI({ baseURL: `${url}/v1`, apiKey: 'k', maxRetries: 0 });
}

describe('semantic_biencoder_routing, then simple_semantic_routing for what it is not sure of', () => {
  const stack = useStack({
    LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'semantic_biencoder_routing,simple_semantic_routing',
    LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG: targets(CODE, COOKING),
    LLM_ROUTER_ROUTING_MODELS: chatModel('openai'),
    LLM_ROUTER_USE_PROMETHEUS: '1',
  });

  it('sends model "auto" to the nearest target, and says so in a header and a metric', async () => {
    const { response } = await client(stack.gateway.url)
      .chat.completions.create({
        model: 'auto',
        messages: [{ role: 'user', content: 'Please fix the bug in my Python function' }],
      })
      .withResponse();
    assert.equal(stack.upstream.last().body['model'], 'upstream-ok-vllm');
    assert.equal(stack.upstream.last().body['routing'], undefined, 'the decision is not sent to the backend');
    assert.match(
      response.headers.get('x-llm-router-routing') ?? '',
      /^semantic_biencoder_routing; target=code; model=ok-vllm; similarity=0\.\d{3}$/,
    );
    await client(stack.gateway.url).chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Jak upiec ciasto według przepisu?' }],
    });
    assert.equal(stack.upstream.last().body['model'], 'upstream-ok-ollama');
    const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    assert.match(
      metrics,
      /llm_router_routing_decisions_total\{plugin="semantic_biencoder_routing",target="code",model_name="ok-vllm"\} 1/,
    );
  });

  it('leaves "auto" below the similarity threshold to the next plugin', async () => {
    const { response } = await client(stack.gateway.url)
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'xyzzy qwertz' }] })
      .withResponse();
    assert.equal(response.headers.get('x-llm-router-routing'), 'simple_semantic_routing; model=ok-openai');
    assert.equal(stack.upstream.last().body['model'], 'upstream-ok-openai');
  });

  it('leaves other models alone', async () => {
    const { response } = await client(stack.gateway.url)
      .chat.completions.create({
        model: chatModel('anthropic'),
        messages: [{ role: 'user', content: 'fix the bug' }],
        max_tokens: 5,
      })
      .withResponse();
    assert.equal(response.headers.get('x-llm-router-routing'), null);
  });
});

describe('semantic_biencoder_routing over the tiny embedding model', () => {
  const stack = useStack(() => ({
    LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'semantic_biencoder_routing',
    LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG: targets(CODE, COOKING),
    LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_MODEL: tinyModels().embeddings,
  }));

  it('routes by meaning the model knows, in Polish too', async () => {
    await client(stack.gateway.url).chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'mam błąd w kodzie, funkcja nie działa' }],
    });
    assert.equal(stack.upstream.last().body['model'], 'upstream-ok-vllm');
    await client(stack.gateway.url).chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'ugotować zupa' }],
    });
    assert.equal(stack.upstream.last().body['model'], 'upstream-ok-ollama');
  });
});

describe('model "auto" with no router', () => {
  const stack = useStack();

  it('is a 400 naming the variable that configures routing, not a 404', async () => {
    const err = await client(stack.gateway.url)
      .chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.match(err.message, /LLM_ROUTER_UTILS_PLUGINS_PIPELINE/);
    assert.equal(stack.upstream.requests.length, 0);
  });
});
