import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anthropicClientDialect, anthropicProviderDialect } from '../../../core/dialects/anthropic/dialect.js';
import type { ChatCompletion, ChatRequest } from '../../../core/dialects/canonical.js';
import { ollamaClientDialect, ollamaProviderDialect } from '../../../core/dialects/ollama/dialect.js';
import { openAIProviderDialect } from '../../../core/dialects/openai/dialect.js';
import { responsesClientDialect } from '../../../core/dialects/responses/dialect.js';

// Parametrised tables, one row a case, input and expected output side by side. Expected values come from each
// API's documentation (OpenAI chat completions and Responses, Anthropic Messages, Ollama /api/chat); a row
// checks only the fields it names (`includes`), so unrelated defaults do not make it brittle.

/** Asserts that `actual` has every field of `expected`, recursively; arrays must match element by element. */
function includes(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path} is an array`);
    assert.equal(actual.length, expected.length, `${path} length`);
    expected.forEach((e, i) => {
      includes(actual[i], e, `${path}[${i}]`);
    });
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is an object`);
    for (const [k, v] of Object.entries(expected)) includes((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

const user = (content: ChatRequest['messages'][number]['content']) => ({ role: 'user' as const, content });
const req = (messages: ChatRequest['messages'], more: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'm',
  messages,
  ...more,
});
const WEATHER = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather now',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};
const CALL = {
  id: 'call_1',
  type: 'function' as const,
  function: { name: 'get_weather', arguments: '{"city":"Warsaw"}' },
};
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('canonical request → provider payload', () => {
  const rows: Array<{ name: string; family: string; request: ChatRequest; stream: boolean; payload: object }> = [
    {
      name: 'system prompt goes to Anthropic `system`, max_tokens defaults',
      family: 'anthropic',
      request: req([{ role: 'system', content: 'Be brief.' }, user('Hi')]),
      stream: false,
      payload: {
        model: 'm',
        system: 'Be brief.',
        max_tokens: 4096,
        stream: false,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      },
    },
    {
      name: 'tools, a tool call and its result for Anthropic (results are user turns)',
      family: 'anthropic',
      request: req(
        [
          user('Weather?'),
          { role: 'assistant', content: null, tool_calls: [CALL] },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
        {
          tools: [WEATHER],
          stop: 'END',
          max_tokens: 50,
        },
      ),
      stream: true,
      payload: {
        max_tokens: 50,
        stream: true,
        stop_sequences: ['END'],
        tools: [{ name: 'get_weather', description: 'Weather now', input_schema: WEATHER.function.parameters }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Warsaw' } }],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' }] },
        ],
      },
    },
    {
      name: 'a data-URL image becomes an Anthropic base64 source',
      family: 'anthropic',
      request: req([
        user([
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: PNG } },
        ]),
      ]),
      stream: false,
      payload: {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            ],
          },
        ],
      },
    },
    {
      name: 'Ollama: options carry sampling, images go beside the text, tool arguments are objects',
      family: 'ollama',
      request: req(
        [
          user([
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: PNG } },
          ]),
          { role: 'assistant', content: '', tool_calls: [CALL] },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
        { temperature: 0.2, max_tokens: 9, tools: [WEATHER] },
      ),
      stream: false,
      payload: {
        model: 'm',
        stream: false,
        options: { temperature: 0.2, num_predict: 9 },
        messages: [
          { role: 'user', content: 'Look', images: ['iVBORw0KGgo='] },
          { role: 'assistant', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Warsaw' } } }] },
          { role: 'tool', content: 'sunny' },
        ],
        tools: [WEATHER],
      },
    },
    {
      name: 'OpenAI-compatible streams ask for usage at the end',
      family: 'openai',
      request: req([user('Hi')]),
      stream: true,
      payload: {
        model: 'm',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Hi' }],
      },
    },
  ];
  const write = { anthropic: anthropicProviderDialect, ollama: ollamaProviderDialect, openai: openAIProviderDialect };
  for (const row of rows) {
    it(`${row.family}: ${row.name}`, () => {
      includes(write[row.family as keyof typeof write].write(structuredClone(row.request), row.stream), row.payload);
    });
  }
});

describe('provider answer → canonical completion', () => {
  const rows: Array<{ name: string; family: string; body: object; completion: object }> = [
    {
      name: 'Anthropic text and usage',
      family: 'anthropic',
      body: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'm',
        content: [{ type: 'text', text: 'Hello' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 5, output_tokens: 2 },
      },
      completion: {
        choices: [{ message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
      },
    },
    {
      name: 'Anthropic tool use',
      family: 'anthropic',
      body: {
        id: 'msg_2',
        type: 'message',
        role: 'assistant',
        model: 'm',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Warsaw' } }],
        stop_reason: 'tool_use',
        usage: { input_tokens: 1, output_tokens: 1 },
      },
      completion: {
        choices: [
          {
            message: {
              tool_calls: [
                { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Warsaw"}' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    },
    {
      name: 'Anthropic max_tokens is a length stop',
      family: 'anthropic',
      body: {
        id: 'msg_3',
        type: 'message',
        role: 'assistant',
        model: 'm',
        content: [{ type: 'text', text: 'Hel' }],
        stop_reason: 'max_tokens',
        usage: { input_tokens: 1, output_tokens: 1 },
      },
      completion: { choices: [{ finish_reason: 'length' }] },
    },
    {
      name: 'Ollama text, counts and done reason',
      family: 'ollama',
      body: {
        model: 'm',
        created_at: '2024-01-01T00:00:00Z',
        message: { role: 'assistant', content: 'Hi' },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: 4,
        eval_count: 2,
      },
      completion: {
        created: 1704067200,
        choices: [{ message: { content: 'Hi' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 },
      },
    },
    {
      name: 'Ollama tool calls (objects) become JSON arguments',
      family: 'ollama',
      body: {
        model: 'm',
        message: {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Warsaw' } } }],
        },
        done: true,
      },
      completion: {
        choices: [
          {
            message: {
              tool_calls: [{ type: 'function', function: { name: 'get_weather', arguments: '{"city":"Warsaw"}' } }],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    },
  ];
  const read = { anthropic: anthropicProviderDialect, ollama: ollamaProviderDialect, openai: openAIProviderDialect };
  for (const row of rows) {
    it(`${row.family}: ${row.name}`, () => {
      includes(read[row.family as keyof typeof read].read(row.body), row.completion);
    });
  }

  it('refuses bodies that are not completions of the family', () => {
    for (const d of Object.values(read)) assert.equal(d.read({ unexpected: true }), null);
  });
});

describe('client request → canonical request', () => {
  const rows: Array<{ name: string; dialect: string; body: object; canonical: object }> = [
    {
      name: 'Anthropic system string, text blocks and a tool result',
      dialect: 'anthropic',
      body: {
        model: 'm',
        max_tokens: 20,
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Warsaw' } }],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' }] },
        ],
      },
      canonical: {
        model: 'm',
        max_tokens: 20,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            tool_calls: [{ id: 'toolu_1', function: { name: 'get_weather', arguments: '{"city":"Warsaw"}' } }],
          },
          { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
        ],
      },
    },
    {
      name: 'Ollama options and images',
      dialect: 'ollama',
      body: {
        model: 'm',
        stream: false,
        options: { temperature: 0.1, num_predict: 7 },
        messages: [{ role: 'user', content: 'Look', images: ['iVBORw0KGgo='] }],
      },
      canonical: {
        temperature: 0.1,
        max_tokens: 7,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Look' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            ],
          },
        ],
      },
    },
    {
      name: 'Responses: instructions and a string input',
      dialect: 'responses',
      body: { model: 'm', instructions: 'Be brief.', input: 'Hi', max_output_tokens: 30 },
      canonical: {
        max_tokens: 30,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      },
    },
  ];
  const dialects = {
    anthropic: anthropicClientDialect,
    ollama: ollamaClientDialect,
    responses: responsesClientDialect,
  };
  for (const row of rows) {
    it(`${row.dialect}: ${row.name}`, () => {
      includes(
        dialects[row.dialect as keyof typeof dialects].read(structuredClone(row.body) as Record<string, unknown>),
        row.canonical,
      );
    });
  }
});

describe('canonical completion → client answer', () => {
  const completion: ChatCompletion = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1704067200,
    model: 'm',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Hello', tool_calls: [CALL] },
        finish_reason: 'tool_calls',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  };
  const rows: Array<{ dialect: string; answer: object }> = [
    {
      dialect: 'anthropic',
      answer: {
        type: 'message',
        role: 'assistant',
        content: [
          { type: 'text', text: 'Hello' },
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Warsaw' } },
        ],
        stop_reason: 'tool_use',
        usage: { input_tokens: 5, output_tokens: 2 },
      },
    },
    {
      dialect: 'ollama',
      answer: {
        model: 'm',
        done: true,
        message: {
          role: 'assistant',
          content: 'Hello',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Warsaw' } } }],
        },
        prompt_eval_count: 5,
        eval_count: 2,
      },
    },
    {
      dialect: 'responses',
      answer: {
        object: 'response',
        status: 'completed',
        output: [
          { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] },
          { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Warsaw"}' },
        ],
        usage: { input_tokens: 5, output_tokens: 2, total_tokens: 7 },
      },
    },
  ];
  const dialects = {
    anthropic: anthropicClientDialect,
    ollama: ollamaClientDialect,
    responses: responsesClientDialect,
  };
  for (const row of rows) {
    it(`${row.dialect}: text, a tool call and usage`, () => {
      includes(
        dialects[row.dialect as keyof typeof dialects].write(structuredClone(completion), { model: 'm' }),
        row.answer,
      );
    });
  }
});
