import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { chatModel, type ProviderTypeName } from '../support/models.js';
import { useStack } from '../support/stack.js';

// Every place a client can put text, in each client dialect, to each backend family, streamed and not: the fake
// backend records what it was sent, and no original — nor its digits-only or separator-free form — may be in it.
const stack = useStack({ LLM_ROUTER_FORCE_MASKING: '1', LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });

const EMAIL = 'jan.kowalski@example.com';
const PESEL = '44051401359';
const PHONE = '600 123 456';
const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';
const ORIGINALS = [EMAIL, PESEL, PHONE, IBAN];
const FORMS = [
  ...new Set(
    ORIGINALS.flatMap((o) => [
      o,
      o.replace(/[\s-]/g, ''),
      ...(/\d{5}/.test(o.replace(/\D/g, '')) ? [o.replace(/\D/g, '')] : []),
    ]),
  ),
];

const schema = {
  type: 'object',
  properties: { pesel: { type: 'number', description: `like ${PESEL}` }, mail: { type: 'string', enum: [EMAIL] } },
};

/** One request per client dialect, its text spread over every field that dialect has. */
const REQUESTS: Record<string, { path: string; body: (model: string, stream: boolean, image: string) => object }> = {
  'OpenAI chat': {
    path: '/v1/chat/completions',
    body: (model, stream, image) => ({
      model,
      stream,
      messages: [
        { role: 'system', content: `Answer ${EMAIL} politely.` },
        {
          role: 'user',
          name: 'caller',
          content: [
            { type: 'text', text: `My PESEL is ${PESEL}` },
            { type: 'image_url', image_url: { url: image } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'lookup', arguments: JSON.stringify({ pesel: Number(PESEL), mail: EMAIL }) },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: `Phone ${PHONE}` },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: `Find ${EMAIL}`, parameters: schema } }],
      stop: [IBAN],
      user: EMAIL,
      metadata: { account: IBAN, pesel: Number(PESEL) },
      safety_identifier: EMAIL,
      prompt_cache_key: PESEL,
      vendor_extension: { note: `call ${PHONE}` },
      // Anthropic's format has no response_format: sent there it is refused (content-carried.test.ts).
      ...(model.includes('anthropic')
        ? {}
        : {
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'r', schema: { type: 'object', properties: { x: { const: EMAIL } } } },
            },
          }),
    }),
  },
  'LM Studio': {
    path: '/api/v0/chat/completions',
    body: (model, stream, image) => ({
      model,
      stream,
      messages: [
        { role: 'system', content: `Answer ${EMAIL} politely.` },
        {
          role: 'user',
          content: [
            { type: 'text', text: `PESEL ${PESEL}` },
            { type: 'image_url', image_url: { url: image } },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: `Find ${PHONE}`, parameters: schema } }],
      stop: [IBAN],
      ttl: 300,
      draft_model: `notes of ${EMAIL}`,
    }),
  },
  Anthropic: {
    path: '/v1/messages',
    body: (model, stream, image) => ({
      model,
      stream,
      max_tokens: 20,
      system: `Be brief with ${EMAIL}`,
      metadata: { user_id: EMAIL },
      stop_sequences: [IBAN],
      tools: [{ name: 'lookup', description: `Find ${PHONE}`, input_schema: schema }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: `PESEL ${PESEL}` },
            { type: 'image', source: { type: 'url', url: image } },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { pesel: Number(PESEL) } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: `IBAN ${IBAN}` }] },
      ],
    }),
  },
  Ollama: {
    path: '/api/chat',
    body: (model, stream, image) => ({
      model,
      stream,
      messages: [
        { role: 'system', content: `Mail ${EMAIL}` },
        { role: 'user', content: `PESEL ${PESEL}` },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'lookup', arguments: { pesel: Number(PESEL) } } }],
        },
        { role: 'tool', content: `Phone ${PHONE}`, tool_name: 'lookup' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: `Find ${EMAIL}`, parameters: schema } }],
      options: { stop: [IBAN], temperature: 0.1 },
      ...(model.includes('anthropic') ? {} : { format: { type: 'object', properties: { x: { const: EMAIL } } } }),
    }),
  },
  'OpenAI Responses': {
    path: '/v1/responses',
    body: (model, stream, image) => ({
      model,
      stream,
      instructions: `Mail ${EMAIL}`,
      input: [{ role: 'user', content: [{ type: 'input_text', text: `PESEL ${PESEL} and ${PHONE}` }] }],
      tools: [{ type: 'function', name: 'lookup', description: `Find ${IBAN}`, parameters: schema }],
      metadata: { account: IBAN },
      user: EMAIL,
    }),
  },
};
const BACKENDS: ProviderTypeName[] = ['vllm', 'anthropic', 'ollama'];
// Ollama takes only inline images (a clear 400 otherwise); the others get a URL whose query string names someone.
const imageFor = (backend: ProviderTypeName) =>
  backend === 'ollama' ? 'data:image/png;base64,iVBORw0KGgo=' : `https://img.example.com/scan.png?owner=${EMAIL}`;

function leaks(): string[] {
  const found: string[] = [];
  for (const r of stack.upstream.requests) {
    const sent = JSON.stringify(r.body) + JSON.stringify(r.headers);
    for (const form of FORMS) if (sent.includes(form)) found.push(`${r.path}: ${form}`);
  }
  return found;
}

describe('masking every field a client can send', () => {
  after(() => assert.deepEqual(leaks(), [], 'no original reached any backend in this file'));

  for (const [dialect, { path, body }] of Object.entries(REQUESTS)) {
    for (const backend of BACKENDS) {
      for (const stream of [false, true]) {
        it(`${dialect} → ${backend}${stream ? ', streamed' : ''}`, async () => {
          const before = stack.upstream.requests.length;
          const res = await fetch(`${stack.gateway.url}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body(chatModel(backend), stream, imageFor(backend))),
          });
          const text = await res.text();
          assert.equal(res.status, 200, text);
          assert.equal(stack.upstream.requests.length, before + 1, 'the backend was called once');
          const sent = stack.upstream.requests.at(-1)!;
          const seen = JSON.stringify(sent.body) + JSON.stringify(sent.headers);
          for (const form of FORMS) assert.ok(!seen.includes(form), `${form} reached the backend`);
        });
      }
    }
  }

  for (const backend of BACKENDS) {
    it(`an e-mail split by the client across two text parts → ${backend}`, async () => {
      const res = await fetch(`${stack.gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: chatModel(backend, 'echo'),
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Write to jan.kowalski@' },
                { type: 'text', text: 'example.com today' },
              ],
            },
          ],
        }),
      });
      assert.equal(res.status, 200);
      const sent = JSON.stringify(stack.upstream.last().body);
      assert.ok(!sent.includes('jan.kowalski'), sent);
      assert.match(sent, /\{\{EMAIL_\d+\}\}/);
    });
  }

  const EMBEDDINGS: Array<[string, string, (model: string) => object]> = [
    ['OpenAI embeddings', '/v1/embeddings', (model) => ({ model, input: [`mail ${EMAIL}`, `PESEL ${PESEL}`] })],
    ['Ollama embed', '/api/embed', (model) => ({ model, input: [`phone ${PHONE}`, `IBAN ${IBAN}`] })],
  ];
  for (const [dialect, path, body] of EMBEDDINGS) {
    for (const backend of ['vllm', 'ollama'] as const) {
      it(`${dialect} → ${backend}`, async () => {
        const res = await fetch(`${stack.gateway.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body(`embed-${backend}`)),
        });
        assert.equal(res.status, 200, await res.clone().text());
        const sent = JSON.stringify(stack.upstream.last().body);
        for (const form of FORMS) assert.ok(!sent.includes(form), `${form} reached the backend`);
      });
    }
  }

  for (const stream of [false, true]) {
    it(`a built-in endpoint${stream ? ', streamed' : ''}`, async () => {
      const res = await fetch(`${stack.gateway.url}/api/conversation_with_model`, {
        method: 'POST',
        body: JSON.stringify({
          model_name: chatModel('anthropic'),
          user_last_statement: `Mail ${EMAIL}, PESEL ${PESEL}`,
          stream,
        }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      await res.text();
      const sent = JSON.stringify(stack.upstream.last().body);
      for (const form of FORMS) assert.ok(!sent.includes(form), `${form} reached the backend`);
    });
  }
});
