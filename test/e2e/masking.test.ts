import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { ECHO_PREFIX } from '../support/fake-replies.js';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack({
  LLM_ROUTER_FORCE_MASKING: '1',
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker',
  LLM_ROUTER_USE_PROMETHEUS: '1',
});

const ORIGINALS = [
  'jan.kowalski@example.com',
  '600 123 456',
  '44051401359',
  'PL61 1090 1014 0000 0712 1981 2874',
  '526-000-12-46',
];
const PROMPT = `Napisz do ${ORIGINALS[0]} lub zadzwoń pod ${ORIGINALS[1]}. PESEL ${ORIGINALS[2]}, konto ${ORIGINALS[3]}, NIP ${ORIGINALS[4]}.`;
const EXPECTED = ECHO_PREFIX + PROMPT;
const FAMILIES = ['vllm', 'anthropic', 'ollama'] as const;

const openai = () => new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
const anthropic = () => new Anthropic({ baseURL: stack.gateway.url, apiKey: 'k', maxRetries: 0 });
const ollama = () => new Ollama({ host: stack.gateway.url });

function assertUpstreamSawPlaceholders(): void {
  const sent = JSON.stringify(stack.upstream.last().body);
  for (const o of ORIGINALS) assert.ok(!sent.includes(o), `the provider received ${o}`);
  assert.match(sent, /\{\{EMAIL_1\}\}/);
  assert.match(sent, /\{\{PESEL_1\}\}/);
}

describe('masking on: no original reaches a provider, every original comes back', () => {
  it('restores two answers streamed interleaved a character at a time (n: 2), each on its own', async () => {
    const got = ['', ''];
    for await (const c of await openai().chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: PROMPT }],
      n: 2,
      stream: true,
    })) {
      for (const choice of c.choices) got[choice.index] += choice.delta.content ?? '';
    }
    assert.deepEqual(got, [EXPECTED, `Second: ${EXPECTED}`]);
    const sent = JSON.stringify(stack.upstream.last().body);
    for (const o of ORIGINALS) assert.ok(!sent.includes(o), `the provider received ${o}`);
  });

  it('restores the tokens of log probabilities, whole and streamed a token at a time', async () => {
    const request = {
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user' as const, content: PROMPT }],
      logprobs: true,
    };
    const whole = await openai().chat.completions.create(request);
    const tokens = whole.choices[0]?.logprobs?.content ?? [];
    assert.equal(tokens.map((t) => t.token).join(''), EXPECTED);
    assert.ok(
      tokens.some((t) => t.token === ORIGINALS[0]),
      'an e-mail comes back as one token',
    );
    let streamed = '';
    for await (const c of await openai().chat.completions.create({ ...request, stream: true })) {
      const piece = (c.choices[0]?.logprobs?.content ?? []).map((t) => t.token).join('');
      assert.ok(!piece.includes('{{'), `a placeholder fragment reached the client: ${piece}`);
      streamed += piece;
    }
    assert.equal(streamed, EXPECTED);
  });

  after(() => {
    // The invariant over every request this file sent, whatever the dialect.
    const everything = JSON.stringify(stack.upstream.requests.map((r) => r.body));
    for (const o of ORIGINALS) assert.ok(!everything.includes(o), `some provider received ${o}`);
  });

  for (const type of FAMILIES) {
    it(`OpenAI chat via ${type}, non-streaming and streaming`, async () => {
      const res = await openai().chat.completions.create({
        model: chatModel(type, 'echo'),
        messages: [{ role: 'user', content: PROMPT }],
      });
      assertUpstreamSawPlaceholders();
      assert.equal(res.choices[0]!.message.content, EXPECTED);
      let text = '';
      for await (const c of await openai().chat.completions.create({
        model: chatModel(type, 'echo'),
        messages: [{ role: 'user', content: PROMPT }],
        stream: true,
      })) {
        const piece = c.choices[0]?.delta.content ?? '';
        assert.ok(!/\{\{[A-Z_]*$/.test(piece) || piece === '', `a placeholder fragment reached the client: ${piece}`);
        text += piece;
      }
      assertUpstreamSawPlaceholders();
      assert.equal(text, EXPECTED);
    });

    it(`Anthropic messages via ${type}, non-streaming and streaming`, async () => {
      const msg = await anthropic().messages.create({
        model: chatModel(type, 'echo'),
        max_tokens: 100,
        messages: [{ role: 'user', content: PROMPT }],
      });
      assertUpstreamSawPlaceholders();
      assert.equal(msg.content[0]?.type === 'text' ? msg.content[0].text : '', EXPECTED);
      let deltas = '';
      const stream = anthropic().messages.stream({
        model: chatModel(type, 'echo'),
        max_tokens: 100,
        messages: [{ role: 'user', content: PROMPT }],
      });
      stream.on('text', (t) => (deltas += t));
      await stream.finalMessage();
      assertUpstreamSawPlaceholders();
      assert.equal(deltas, EXPECTED);
    });

    it(`Ollama chat via ${type}, non-streaming and streaming`, async () => {
      const res = await ollama().chat({
        model: chatModel(type, 'echo'),
        messages: [{ role: 'user', content: PROMPT }],
        stream: false,
      });
      assertUpstreamSawPlaceholders();
      assert.equal(res.message.content, EXPECTED);
      let text = '';
      for await (const part of await ollama().chat({
        model: chatModel(type, 'echo'),
        messages: [{ role: 'user', content: PROMPT }],
        stream: true,
      }))
        text += part.message.content;
      assertUpstreamSawPlaceholders();
      assert.equal(text, EXPECTED);
    });

    it(`OpenAI Responses via ${type}, non-streaming and streaming`, async () => {
      const res = await openai().responses.create({ model: chatModel(type, 'echo'), input: PROMPT });
      assertUpstreamSawPlaceholders();
      assert.equal(res.output_text, EXPECTED);
      let deltas = '';
      const stream = openai().responses.stream({ model: chatModel(type, 'echo'), input: PROMPT });
      stream.on('response.output_text.delta', (e) => (deltas += e.delta));
      await stream.finalResponse();
      assertUpstreamSawPlaceholders();
      assert.equal(deltas, EXPECTED);
    });
  }

  it('masks tool arguments and tool results sent back to the provider', async () => {
    await openai().chat.completions.create({
      model: chatModel('anthropic', 'echo'),
      messages: [
        { role: 'user', content: 'Send it' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'c1',
              type: 'function',
              function: {
                name: 'send',
                arguments: JSON.stringify({ to: ORIGINALS[0], note: `PESEL ${ORIGINALS[2]}` }),
              },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: `sent to ${ORIGINALS[0]}` },
      ],
    });
    const sent = JSON.stringify(stack.upstream.last().body);
    for (const o of [ORIGINALS[0]!, ORIGINALS[2]!]) assert.ok(!sent.includes(o));
    const blocks = (stack.upstream.last().body['messages'] as Array<{ content: Array<Record<string, unknown>> }>)[1]!
      .content;
    assert.deepEqual(blocks[0]!['input'], { to: '{{EMAIL_1}}', note: 'PESEL {{PESEL_1}}' });
  });

  it('masks embeddings input', async () => {
    await openai().embeddings.create({ model: 'embed-openai', input: [PROMPT, 'plain'] });
    const sent = stack.upstream.last().body['input'] as string[];
    assert.ok(!JSON.stringify(sent).includes(ORIGINALS[0]!));
    assert.equal(sent[1], 'plain');
  });

  it('gives each request its own placeholders', async () => {
    await openai().chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: 'Mail anna@example.org' }],
    });
    assert.match(JSON.stringify(stack.upstream.last().body), /\{\{EMAIL_1\}\}/);
    await openai().chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: 'Mail piotr@example.org' }],
    });
    assert.match(JSON.stringify(stack.upstream.last().body), /\{\{EMAIL_1\}\}/, 'a new request starts at 1 again');
  });

  it('counts masking in /metrics', async () => {
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    assert.match(text, /masker_incidents_total [1-9]/);
    assert.match(text, /llm_router_masker_hits_total\{tag="PESEL"\} [1-9]/);
  });

  it('refuses pii_masker in /api/fast_text_mask when its sidecar is not set up, instead of masking less', async () => {
    const res = await fetch(`${stack.gateway.url}/api/fast_text_mask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Jan Kowalski, jan@example.com', maskers: ['fast_masker', 'pii_masker'] }),
    });
    assert.equal(res.status, 400);
    const error = ((await res.json()) as { error: { code: string; param: string; message: string } }).error;
    assert.deepEqual([error.code, error.param], ['masking_not_configured', 'maskers.1']);
    assert.doesNotMatch(error.message, /Kowalski/);
  });

  it('masks a text with 100,000 identifiers in it, alone and in a chat whose answer is restored', async () => {
    const emails = Array.from({ length: 100_000 }, (_, i) => `user${i}@example.com`);
    const text = emails.join(' ');
    const res = await fetch(`${stack.gateway.url}/api/fast_text_mask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    assert.equal(res.status, 200);
    const masked = (await res.json()) as { text: string; mappings: Record<string, string> };
    assert.equal(Object.keys(masked.mappings).length, 100_000);
    assert.ok(!masked.text.includes('@example.com'));
    const answer = await openai().chat.completions.create({
      model: chatModel('vllm', 'echo'),
      messages: [{ role: 'user', content: text }],
    });
    assert.equal(answer.choices[0]?.message.content, ECHO_PREFIX + text);
    assert.ok(!JSON.stringify(stack.upstream.last().body).includes('user99999@example.com'));
  });

  it('refuses a file it cannot read (a PDF) instead of sending it unmasked; a text file is masked', async () => {
    const pdf = `data:application/pdf;base64,${Buffer.from(`%PDF-1.4 ${ORIGINALS[0]}`).toString('base64')}`;
    const before = stack.upstream.requests.length;
    const err = await openai()
      .chat.completions.create({
        model: chatModel('vllm'),
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Read' },
              { type: 'file', file: { file_data: pdf } },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.match(err.message, /application\/pdf file, which cannot be masked/);
    const doc = await anthropic()
      .messages.create({
        model: chatModel('anthropic'),
        max_tokens: 9,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf.split(',')[1]! } },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    assert.ok(doc instanceof Anthropic.BadRequestError, String(doc));
    // A "media type" that is the client's text is not repeated into the error and the log.
    const odd = await openai()
      .chat.completions.create({
        model: chatModel('vllm'),
        messages: [
          { role: 'user', content: [{ type: 'file', file: { file_data: `data:${ORIGINALS[0]};base64,AAAA` } }] },
        ],
      })
      .catch((e: unknown) => e);
    assert.ok(odd instanceof OpenAI.BadRequestError, String(odd));
    assert.match(odd.message, /a binary file, which cannot be masked/);
    assert.ok(!stack.gateway.output.includes(ORIGINALS[0]!));
    assert.equal(stack.upstream.requests.length, before, 'nothing reached a backend');

    const text = `data:text/plain;base64,${Buffer.from(PROMPT).toString('base64')}`;
    await openai().chat.completions.create({
      model: chatModel('vllm'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Read' },
            { type: 'file', file: { file_data: text } },
          ],
        },
      ],
    });
    const sentFile = (stack.upstream.last().body as any).messages[0].content[1].file.file_data as string;
    const decoded = Buffer.from(sentFile.split(',')[1]!, 'base64').toString();
    for (const o of ORIGINALS) assert.ok(!decoded.includes(o), `the file carried ${o}`);
    assert.match(decoded, /\{\{EMAIL_1\}\}/);
  });

  it('serves /api/fast_text_mask as the reference, with our placeholders', async () => {
    const res = await fetch(`${stack.gateway.url}/api/fast_text_mask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'Mój email to jan.kowalski@example.com i tel. 600 123 456 oraz PESEL: 44051401359',
      }),
    });
    assert.deepEqual(await res.json(), {
      text: 'Mój email to {{EMAIL_1}} i tel. {{PHONE_1}} oraz PESEL: {{PESEL_1}}',
      mappings: {
        '{{EMAIL_1}}': 'jan.kowalski@example.com',
        '{{PESEL_1}}': '44051401359',
        '{{PHONE_1}}': '600 123 456',
      },
    });
  });
});
