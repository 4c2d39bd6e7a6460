import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

// What has no plain-text form (files, documents, earlier reasoning) reaches a backend that can carry it, in that
// backend's shape, or is refused with a 400 naming the field and the backend; it is never left out.
const stack = useStack();
const PDF = Buffer.from('%PDF-1.4 tiny').toString('base64');
const anthropic = () => new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
const openai = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
const sent = () => stack.upstream.last().body as Record<string, any>;

describe('content without a plain-text form', () => {
  it('Anthropic documents reach OpenAI-format backends as file parts, and Anthropic ones as documents', async () => {
    await anthropic().messages.create({
      model: chatModel('vllm'),
      max_tokens: 9,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            {
              type: 'document',
              title: 'report.pdf',
              source: { type: 'base64', media_type: 'application/pdf', data: PDF },
            },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain notes' } },
          ],
        },
      ],
    });
    const parts = sent()['messages'][0].content;
    assert.deepEqual(parts[1], {
      type: 'file',
      file: { file_data: `data:application/pdf;base64,${PDF}`, filename: 'report.pdf' },
    });
    assert.equal(parts[2].type, 'file');
    assert.equal(Buffer.from(parts[2].file.file_data.split(',')[1], 'base64').toString(), 'plain notes');

    await openai().chat.completions.create({
      model: chatModel('anthropic'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            { type: 'file', file: { file_data: `data:application/pdf;base64,${PDF}`, filename: 'report.pdf' } },
          ],
        },
      ],
    });
    assert.deepEqual(sent()['messages'][0].content[1], {
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data: PDF },
      title: 'report.pdf',
    });
  });

  it('a file for a backend that cannot carry one is a 400 naming the field and the backend', async () => {
    const before = stack.upstream.requests.length;
    const err = await anthropic()
      .messages.create({
        model: chatModel('ollama'),
        max_tokens: 9,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Summarise' },
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF } },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    assert.ok(err instanceof Anthropic.BadRequestError, String(err));
    assert.match(err.message, /a 'file' part cannot be sent to this model's backend \(ollama format\)/);

    const r = await openai()
      .responses.create({
        model: chatModel('ollama'),
        input: [
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'Summarise' },
              { type: 'input_file', filename: 'a.pdf', file_data: `data:application/pdf;base64,${PDF}` },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    assert.ok(r instanceof OpenAI.BadRequestError, String(r));
    assert.equal((r.error as { param?: string }).param, 'messages[0].content[1]');
    assert.equal(stack.upstream.requests.length, before, 'nothing reached a backend');
  });

  it('Responses input_file reaches a chat backend as a file part', async () => {
    await openai().responses.create({
      model: chatModel('llama.cpp'),
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Summarise' },
            { type: 'input_file', filename: 'a.pdf', file_data: `data:application/pdf;base64,${PDF}` },
          ],
        },
      ],
    });
    assert.deepEqual(sent()['messages'][0].content[1], {
      type: 'file',
      file: { file_data: `data:application/pdf;base64,${PDF}`, filename: 'a.pdf' },
    });
  });

  it('earlier reasoning (Anthropic thinking, Ollama thinking) goes on as the target carries it', async () => {
    const history = (thinking: string) => [
      { role: 'user' as const, content: 'What is 2+2?' },
      {
        role: 'assistant' as const,
        content: [
          { type: 'thinking' as const, thinking, signature: 'sig' },
          { type: 'text' as const, text: '4' },
        ],
      },
      { role: 'user' as const, content: 'And 3+3?' },
    ];
    await anthropic().messages.create({
      model: chatModel('vllm'),
      max_tokens: 9,
      messages: history('adding two twos'),
    });
    assert.equal(sent()['messages'][1].reasoning_content, 'adding two twos');
    await anthropic().messages.create({ model: chatModel('ollama'), max_tokens: 9, messages: history('two and two') });
    assert.equal(sent()['messages'][1].thinking, 'two and two');

    await new Ollama({ host: stack.gateway.url }).chat({
      model: chatModel('openai'),
      messages: [
        { role: 'user', content: 'What is 2+2?' },
        { role: 'assistant', content: '4', thinking: 'twice two' },
        { role: 'user', content: 'And 3+3?' },
      ],
    });
    assert.equal(sent()['messages'][1].reasoning_content, 'twice two');
  });

  it('options a backend format cannot honour are refused, naming them; at their neutral value they pass', async () => {
    const ask = [{ role: 'user' as const, content: 'Hi' }];
    const refused: Array<[string, object]> = [
      ['n', { n: 2 }],
      ['response_format', { response_format: { type: 'json_object' } }],
      ['logprobs', { logprobs: true }],
      ['seed', { seed: 7 }],
    ];
    for (const [param, option] of refused) {
      const err = await openai()
        .chat.completions.create({ model: chatModel('anthropic'), messages: ask, ...option })
        .catch((e: unknown) => e);
      assert.ok(err instanceof OpenAI.BadRequestError, `${param}: ${String(err)}`);
      assert.equal((err.error as { param?: string }).param, param);
      assert.match(err.message, /anthropic format/);
    }
    const n = await openai()
      .chat.completions.create({ model: chatModel('ollama'), messages: ask, n: 3 })
      .catch((e: unknown) => e);
    assert.ok(n instanceof OpenAI.BadRequestError, String(n));
    const neutral = await openai().chat.completions.create({
      model: chatModel('anthropic'),
      messages: ask,
      n: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
    });
    assert.ok(neutral.choices[0]?.message.content);
    await openai().chat.completions.create({ model: chatModel('ollama'), messages: ask, seed: 7 });
    assert.equal(sent()['options'].seed, 7, 'Ollama carries a seed');
  });
});
