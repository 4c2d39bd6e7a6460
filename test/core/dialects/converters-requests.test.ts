import { describe, it } from 'node:test';
import { anthropicClientDialect, anthropicProviderDialect } from '../../../core/dialects/anthropic/dialect.js';
import type { ChatRequest } from '../../../core/dialects/canonical.js';
import { ollamaClientDialect, ollamaProviderDialect } from '../../../core/dialects/ollama/dialect.js';
import { openAIProviderDialect } from '../../../core/dialects/openai/dialect.js';
import { responsesClientDialect } from '../../../core/dialects/responses/dialect.js';
import { includes } from '../../support/includes.js';
import { CALL, PNG, req, user, WEATHER } from './converter-fixtures.js';

// Parametrised tables, one row a case, input and expected output side by side. Expected values come from each
// API's documentation (OpenAI chat completions and Responses, Anthropic Messages, Ollama /api/chat); a row
// checks only the fields it names (`includes`), so unrelated defaults do not make it brittle.

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
