import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AuthenticationError,
  LLMRouterClient,
  LLMRouterError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../../core/sdk/index.js';
import { ECHO_PREFIX, REPLY_TEXT } from '../../support/fake-replies.js';
import { chatModel } from '../../support/models.js';
import { useStack } from '../../support/stack.js';

const stack = useStack();

// A router stand-in that answers from a script: each entry is [status, body, headers].
type Reply = [number, unknown, Record<string, string>?];
let script: Reply[] = [];
let seen: Array<{ path: string; auth: string | undefined }> = [];
const scripted = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  for await (const _ of req);
  seen.push({ path: req.url ?? '', auth: req.headers.authorization });
  const [status, body, headers] = script.shift() ?? [200, { ok: true }];
  if (status === 0) return; // never answers
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
});
let scriptedUrl = '';
before(
  () =>
    new Promise<void>((r) =>
      scripted.listen(0, '127.0.0.1', () => {
        scriptedUrl = `http://127.0.0.1:${(scripted.address() as AddressInfo).port}`;
        r();
      }),
    ),
);
after(() => {
  scripted.closeAllConnections();
  scripted.close();
});
const fast = (extra = {}) => new LLMRouterClient({ baseUrl: scriptedUrl, backoffMs: 5, ...extra });

describe('TypeScript client against the gateway', () => {
  it('calls ping, version, models, chat and the built-in endpoints with typed answers', async () => {
    const client = new LLMRouterClient({ baseUrl: stack.gateway.url });
    assert.deepEqual(await client.ping(), { status: true, body: 'pong' });
    assert.match((await client.version()).version, /^\d+\.\d+\.\d+/);
    assert.ok((await client.models()).data.some((m) => m.id === chatModel('vllm')));
    const chat = await client.chat({ model: chatModel('vllm'), messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(chat.choices[0]!.message.content, REPLY_TEXT);
    const conv = await client.conversationWithModel({ model_name: chatModel('vllm'), user_last_statement: 'Hi' });
    assert.equal(conv.response, REPLY_TEXT);
    assert.ok(conv.generation_time >= 0);
    const tr = await client.translate({ model_name: chatModel('vllm', 'echo'), texts: ['Hello'], language: 'pl' });
    assert.deepEqual(tr.response, [{ original: 'Hello', translated: `${ECHO_PREFIX}Hello` }]);
    assert.deepEqual((await client.simplifyText({ model_name: chatModel('vllm', 'echo'), texts: ['x'] })).response, [
      `${ECHO_PREFIX}x`,
    ]);
    assert.deepEqual(
      (await client.generateQuestions({ model_name: chatModel('vllm', 'echo'), texts: ['1. Who?'] })).response,
      [{ text: '1. Who?', questions: ['You said: 1. Who?'] }],
    );
    assert.equal(
      (await client.generateArticleFromText({ model_name: chatModel('vllm'), text: 't' })).response.article_text,
      REPLY_TEXT,
    );
    assert.equal(
      (await client.createFullArticleFromTexts({ model_name: chatModel('vllm'), user_query: 'q', texts: ['t'] }))
        .response.article_text,
      REPLY_TEXT,
    );
    assert.equal(
      (await client.generativeAnswer({ model_name: chatModel('vllm'), question_str: 'q', texts: ['t'] })).response,
      REPLY_TEXT,
    );
    assert.equal(
      (
        await client.extendedConversationWithModel({
          model_name: chatModel('vllm'),
          system_prompt: 's',
          user_last_statement: 'u',
        })
      ).response,
      REPLY_TEXT,
    );
  });

  it('raises ValidationError naming the field the gateway rejected', async () => {
    const err = await new LLMRouterClient({ baseUrl: stack.gateway.url })
      .translate({ model_name: chatModel('vllm'), texts: [], language: 'pl' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ValidationError);
    assert.equal(err.field, 'texts');
    assert.equal(err.status, 400);
  });
});

describe('TypeScript client retries and errors', () => {
  it('retries 503 and 502 with backoff, then succeeds', async () => {
    script = [
      [503, { error: { message: 'busy' } }],
      [502, 'bad gateway'],
      [200, { version: '9.9.9' }],
    ];
    seen = [];
    assert.deepEqual(await fast().version(), { version: '9.9.9' });
    assert.equal(seen.length, 3);
  });

  it('gives up after the configured retries with the last error', async () => {
    script = [
      [500, { error: { message: 'boom', code: 'internal' } }],
      [500, { error: { message: 'boom', code: 'internal' } }],
    ];
    const err = await fast({ retries: 1 })
      .ping()
      .catch((e: unknown) => e);
    assert.ok(err instanceof LLMRouterError && !(err instanceof ValidationError));
    assert.equal(err.status, 500);
    assert.equal(err.code, 'internal');
    assert.match(err.message, /HTTP 500: boom/);
  });

  it('waits at least Retry-After on 429, and raises RateLimitError when it persists', async () => {
    script = [
      [429, { error: { message: 'slow down' } }, { 'retry-after': '1' }],
      [200, { status: true, body: 'pong' }],
    ];
    const t = performance.now();
    await fast().ping();
    assert.ok(performance.now() - t >= 950, 'waited for Retry-After');
    script = [
      [429, {}, { 'retry-after': '0' }],
      [429, {}, { 'retry-after': '0' }],
      [429, {}, { 'retry-after': '7' }],
    ];
    const err = await fast()
      .ping()
      .catch((e: unknown) => e);
    assert.ok(err instanceof RateLimitError);
    assert.equal(err.retryAfterSeconds, 7);
  });

  it('does not retry 400 or 401, sends the token, and reports a timeout', async () => {
    script = [[401, { error: { message: 'bad key' } }]];
    seen = [];
    const auth = await fast({ token: 'sk-1' })
      .ping()
      .catch((e: unknown) => e);
    assert.ok(auth instanceof AuthenticationError);
    assert.deepEqual(seen, [{ path: '/api/ping', auth: 'Bearer sk-1' }]);
    script = [[0, null]];
    const slow = await fast({ timeoutMs: 200 })
      .ping()
      .catch((e: unknown) => e);
    assert.ok(slow instanceof TimeoutError);
    script = [[200, 'not json']];
    const bad = (await fast()
      .ping()
      .catch((e: unknown) => e)) as Error;
    assert.match(String(bad.message), /Invalid JSON response/);
  });

  it('retries when the router cannot be reached, then reports it', async () => {
    const err = await new LLMRouterClient({ baseUrl: 'http://127.0.0.1:9', backoffMs: 5 })
      .ping()
      .catch((e: unknown) => e);
    assert.ok(err instanceof LLMRouterError);
    assert.equal(err.status, null);
    assert.match(err.message, /cannot reach the router/);
  });
});
