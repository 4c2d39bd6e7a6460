import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anthropicClientDialect, anthropicProviderDialect } from '../../../core/dialects/anthropic/dialect.js';
import type { ChatCompletion } from '../../../core/dialects/canonical.js';
import { ollamaClientDialect, ollamaProviderDialect } from '../../../core/dialects/ollama/dialect.js';
import { openAIProviderDialect } from '../../../core/dialects/openai/dialect.js';
import { responsesClientDialect } from '../../../core/dialects/responses/dialect.js';
import { includes } from '../../support/includes.js';
import { CALL } from './converter-fixtures.js';

// Parametrised tables, one row a case, input and expected output side by side. Expected values come from each
// API's documentation (OpenAI chat completions and Responses, Anthropic Messages, Ollama /api/chat); a row
// checks only the fields it names (`includes`), so unrelated defaults do not make it brittle.

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
