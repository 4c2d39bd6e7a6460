import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatModel, PROVIDER_TYPES } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack();

type Json = Record<string, unknown>;
const ask = [{ role: 'user', content: 'Hi' }];

/** Each client dialect: its path, a valid body for a model, and where its error message sits. */
const DIALECTS = [
  {
    name: 'OpenAI chat',
    path: '/v1/chat/completions',
    body: (model: string): Json => ({ model, messages: ask }),
    message: (b: any) => b.error?.message as string,
    param: (b: any) => b.error?.param as string,
  },
  {
    name: 'Anthropic',
    path: '/v1/messages',
    body: (model: string): Json => ({ model, max_tokens: 16, messages: ask }),
    message: (b: any) => (b.type === 'error' ? (b.error?.message as string) : ''),
    param: () => null,
  },
  {
    name: 'Ollama',
    path: '/api/chat',
    body: (model: string): Json => ({ model, messages: ask, stream: false }),
    message: (b: any) => b.error as string,
    param: () => null,
  },
  {
    name: 'Responses',
    path: '/v1/responses',
    body: (model: string): Json => ({ model, input: 'Hi' }),
    message: (b: any) => b.error?.message as string,
    param: (b: any) => b.error?.param as string,
  },
] as const;

// What each dialect's junk looks like: [what, change to the valid body, the field the error must name].
const JUNK: Record<(typeof DIALECTS)[number]['name'], Array<[string, Json, string]>> = {
  'OpenAI chat': [
    ['temperature "hot"', { temperature: 'hot' }, 'temperature'],
    ['max_tokens -1', { max_tokens: -1 }, 'max_tokens'],
    ['content a number', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    [
      'a text part without text',
      { messages: [{ role: 'user', content: [{ type: 'text' }] }] },
      'messages[0].content[0].text',
    ],
    [
      'an image part with a number url',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 7 } }] }] },
      'messages[0].content[0].image_url.url',
    ],
    ['tools not objects', { tools: ['x'] }, 'tools[0]'],
    ['a tool without a name', { tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name'],
    [
      'tool_calls with object arguments',
      {
        messages: [
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }],
          },
          ...ask,
        ],
      },
      'messages[0].tool_calls[0].function.arguments',
    ],
    ['stop a number', { stop: 5 }, 'stop'],
  ],
  Anthropic: [
    ['temperature "hot"', { temperature: 'hot' }, 'temperature'],
    ['max_tokens -1', { max_tokens: -1 }, 'max_tokens'],
    ['content a number', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    [
      'a tool_use block without input',
      { messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f' }] }, ...ask] },
      'messages[0].content[0].input',
    ],
    ['tools without names', { tools: [{ description: 'x' }] }, 'tools[0].name'],
    ['stop_sequences a string', { stop_sequences: 'END' }, 'stop_sequences'],
  ],
  Ollama: [
    ['options.temperature "hot"', { options: { temperature: 'hot' } }, 'options.temperature'],
    ['content a number', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    [
      'tool_calls with string arguments',
      {
        messages: [
          { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: '{}' } }] },
          ...ask,
        ],
      },
      'messages[0].tool_calls[0].function.arguments',
    ],
    ['images not strings', { messages: [{ role: 'user', content: 'x', images: [1] }] }, 'messages[0].images[0]'],
    ['tools without a function', { tools: [{ type: 'function' }] }, 'tools[0].function'],
  ],
  Responses: [
    ['temperature "hot"', { temperature: 'hot' }, 'temperature'],
    ['max_output_tokens -1', { max_output_tokens: -1 }, 'max_output_tokens'],
    ['an input item with a number content', { input: [{ role: 'user', content: 42 }] }, 'input[0].content'],
    [
      'a function_call without arguments',
      { input: [{ type: 'function_call', call_id: 'c', name: 'f' }] },
      'input[0].arguments',
    ],
  ],
};

describe('requests are checked once, at the edge, the same for every backend type', () => {
  for (const dialect of DIALECTS) {
    it(`${dialect.name}: wrong types and ranges are a 400 naming the field, whatever the backend`, async () => {
      for (const [what, change, field] of JUNK[dialect.name]) {
        for (const type of PROVIDER_TYPES) {
          const before = stack.upstream.requests.length;
          const res = await fetch(`${stack.gateway.url}${dialect.path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...dialect.body(chatModel(type)), ...change }),
          });
          const body = (await res.json()) as Json;
          assert.equal(res.status, 400, `${what} → ${type}: ${JSON.stringify(body)}`);
          assert.ok(dialect.message(body)?.includes(`'${field}'`), `${what} → ${type}: ${JSON.stringify(body)}`);
          const param = dialect.param(body);
          if (param !== null) assert.equal(param, field, what);
          assert.equal(stack.upstream.requests.length, before, `${what} reached the ${type} backend`);
        }
      }
    });
  }

  it('an error names the field, never a key the client chose (it reaches the log)', async () => {
    const email = 'jan.kowalski@example.com';
    const res = await fetch(`${stack.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: chatModel('vllm'), messages: ask, logit_bias: { [email]: 'high' } }),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { param: string; message: string } };
    assert.equal(body.error.param, 'logit_bias.*');
    assert.ok(!JSON.stringify(body).includes(email));
    assert.ok(!stack.gateway.output.includes(email));
  });

  it('valid bodies with every checked field set still reach every backend', async () => {
    for (const type of PROVIDER_TYPES) {
      const res = await fetch(`${stack.gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: chatModel(type),
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
          ],
          temperature: 0.5,
          top_p: 0.9,
          max_tokens: 20,
          stop: ['END'],
          tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: {} } } }],
          tool_choice: 'auto',
        }),
      });
      assert.equal(res.status, 200, `${type}: ${await res.clone().text()}`);
    }
  });
});
