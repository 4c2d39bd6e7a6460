import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { payloadTexts, splitLike } from '../../../core/pipeline/payload-texts.js';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const textsOf = (payload: Record<string, unknown>) =>
  payloadTexts(structuredClone(payload))
    .slots.map((s) => s.text)
    .sort();

describe('payload texts', () => {
  const rows: Array<{ name: string; payload: Record<string, unknown>; texts: string[] }> = [
    {
      name: 'OpenAI chat: messages, tools with descriptions and enums, stop, names, unknown fields',
      payload: {
        model: 'gpt',
        stream: true,
        temperature: 0.2,
        messages: [
          {
            role: 'user',
            name: 'jan',
            content: [
              { type: 'text', text: 'Hi' },
              { type: 'image_url', image_url: { url: PNG, detail: 'low' } },
            ],
          },
          {
            role: 'assistant',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"pesel":44051401359}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'found' },
        ],
        tools: [
          {
            type: 'function',
            function: {
              name: 'lookup',
              description: 'Find a person',
              parameters: { type: 'object', properties: { pesel: { enum: ['x@y.pl'] } } },
            },
          },
        ],
        stop: ['STOP'],
        safety_identifier: 'user-7',
        vendor_extension: { note: 'free text' },
      },
      texts: [
        'Find a person',
        'Hi',
        'STOP',
        '44051401359',
        'enum',
        'found',
        'free text',
        'jan',
        'lookup',
        'lookup',
        'object',
        'pesel',
        'pesel',
        'properties',
        'type',
        'user-7',
        'x@y.pl',
      ],
    },
    {
      name: 'Anthropic: system, tool_use input objects, base64 images left alone, metadata',
      payload: {
        model: 'claude',
        max_tokens: 10,
        system: 'Be brief',
        metadata: { user_id: 'u-1' },
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }],
          },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { nip: 5260001246 } }],
          },
        ],
      },
      texts: ['5260001246', 'Be brief', 'lookup', 'nip', 'u-1', 'user_id'],
    },
    {
      name: 'Ollama: images skipped, options numbers skipped, argument objects, stop in options',
      payload: {
        model: 'llama',
        stream: false,
        options: { temperature: 0.1, stop: ['END'] },
        messages: [
          { role: 'user', content: 'Look', images: ['iVBORw0KGgo='] },
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ function: { name: 'lookup', arguments: { phone: '600 123 456' } } }],
          },
        ],
      },
      texts: ['', '600 123 456', 'END', 'Look', 'lookup', 'phone'],
    },
    {
      name: 'a data:text URL is decoded to be judged',
      payload: {
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                file: {
                  file_data: `data:text/plain;base64,${Buffer.from('mail jan@example.com').toString('base64')}`,
                  filename: 'jan.txt',
                },
              },
            ],
          },
        ],
      },
      texts: ['jan.txt', 'mail jan@example.com'],
    },
  ];
  for (const row of rows) it(row.name, () => assert.deepEqual(textsOf(row.payload), [...row.texts].sort()));

  it('writes back masked strings, numbers as their placeholder, renamed keys, and re-serialised arguments', () => {
    const payload: Record<string, unknown> = {
      model: 'gpt',
      metadata: { '44051401359': 'owner', count: 3 },
      messages: [
        {
          role: 'assistant',
          tool_calls: [
            {
              id: 'c',
              type: 'function',
              function: { name: 'f', arguments: '{"pesel":44051401359,"note":"jan@example.com"}' },
            },
          ],
        },
        { role: 'user', content: `x ${PNG}` },
      ],
    };
    const { slots, commit } = payloadTexts(payload);
    const masked: Record<string, string> = { '44051401359': '{{PESEL_1}}', 'jan@example.com': '{{EMAIL_1}}' };
    for (const s of slots) s.set(masked[s.text] ?? s.text);
    commit();
    assert.deepEqual(payload['metadata'], { '{{PESEL_1}}': 'owner', count: 3 });
    const messages = payload['messages'] as Array<Record<string, any>>;
    assert.equal(messages[0]!['tool_calls'][0].function.arguments, '{"pesel":"{{PESEL_1}}","note":"{{EMAIL_1}}"}');
    assert.equal(payload['model'], 'gpt');
  });

  it('renames a key inside tool arguments before they are serialised again', () => {
    const payload: Record<string, unknown> = {
      model: 'gpt',
      messages: [
        {
          role: 'assistant',
          tool_calls: [
            { id: 'c', type: 'function', function: { name: 'f', arguments: '{"44051401359":{"ok":true}}' } },
          ],
        },
      ],
    };
    const { slots, commit } = payloadTexts(payload);
    for (const s of slots) if (s.text === '44051401359') s.set('{{PESEL_1}}');
    commit();
    const args = (payload['messages'] as Array<Record<string, any>>)[0]!['tool_calls'][0].function.arguments;
    assert.equal(args, '{"{{PESEL_1}}":{"ok":true}}');
  });

  it('judges text put where images go', () => {
    const texts = textsOf({ model: 'm', messages: [{ role: 'user', content: 'x', images: ['mail jan@example.com'] }] });
    assert.ok(texts.includes('mail jan@example.com'));
  });
});

describe('text parts judged joined', () => {
  const rows: Array<[string, string, string[], string[]]> = [
    [
      'a boundary inside a placeholder moves after it',
      'Write to {{EMAIL_1}} now',
      ['Write to jan.kowalski@', 'example.com now'],
      ['Write to {{EMAIL_1}}', ' now'],
    ],
    [
      'boundaries in literal text stay where they were',
      'Hi {{PHONE_1}}, bye',
      ['Hi ', '600 123 456', ', bye'],
      ['Hi ', '{{PHONE_1}}', ', bye'],
    ],
    [
      'a part swallowed by a placeholder becomes empty',
      'PESEL {{PESEL_1}}.',
      ['PESEL 4405', '1401', '359.'],
      ['PESEL {{PESEL_1}}', '', '.'],
    ],
    ['nothing masked: the parts as they were', 'ab', ['a', 'b'], ['a', 'b']],
  ];
  for (const [name, masked, parts, pieces] of rows) it(name, () => assert.deepEqual(splitLike(masked, parts), pieces));

  it('masks an identifier split across parts and writes the placeholder back into the parts', () => {
    const payload: Record<string, unknown> = {
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Write to jan.kowalski@' },
            { type: 'text', text: 'example.com' },
            { type: 'image_url', image_url: { url: PNG } },
          ],
        },
      ],
    };
    const { slots, commit } = payloadTexts(payload);
    assert.deepEqual(
      slots.map((s) => s.text),
      ['Write to jan.kowalski@example.com'],
    );
    slots[0]!.set('Write to {{EMAIL_1}}');
    commit();
    const content = (payload['messages'] as Array<{ content: unknown }>)[0]!.content;
    assert.deepEqual(content, [
      { type: 'text', text: 'Write to {{EMAIL_1}}' },
      { type: 'image_url', image_url: { url: PNG } },
    ]);
  });
});
