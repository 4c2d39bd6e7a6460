import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

const stack = useStack({
  LLM_ROUTER_CLIENT_HEADERS_TIMEOUT_SECONDS: '0.5',
  LLM_ROUTER_CLIENT_BODY_TIMEOUT_SECONDS: '0.5',
});
const ask = [{ role: 'user' as const, content: 'Hi' }];

/** Writes `bytes` on a raw connection and never more; resolves with everything the server sent back. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(stack.gateway.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

const bodyOf = (reply: string) => JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4)) as Record<string, any>;

describe('clients that are slow or not speaking HTTP', () => {
  it('a client that never finishes its headers gets a 408 with an error body', async () => {
    const reply = await rawExchange('POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\n');
    assert.match(reply, /^HTTP\/1\.1 408 /);
    assert.equal(bodyOf(reply)['error'].code, 'client_timeout');
  });

  it('a client that never finishes its body gets a 408 in the route’s dialect', async () => {
    const head =
      'POST /v1/messages HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n';
    const reply = await rawExchange(`${head}{"model": "x", "mess`);
    assert.match(reply, /^HTTP\/1\.1 408 /);
    const body = bodyOf(reply);
    assert.equal(body['type'], 'error');
    assert.match(body['error'].message, /body did not arrive within 500 ms/);
  });

  it('bytes that are not HTTP get a 400 with an error body', async () => {
    const reply = await rawExchange('HELLO THERE\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.equal(bodyOf(reply)['error'].code, 'malformed_http');
  });
});

describe('bodies that parse badly', () => {
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${stack.gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('JSON nested 10,000 deep is a 400 in every dialect; 100 deep is served', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const [path, dialectOf] of [
      ['/v1/chat/completions', (b: any) => b.error.message],
      ['/v1/messages', (b: any) => b.type === 'error' && b.error.message],
      ['/api/chat', (b: any) => b.error],
      ['/v1/embeddings', (b: any) => b.error.message],
    ] as const) {
      const res = await post(path, `{"model":"${chatModel('openai')}","messages":${deep}}`);
      assert.equal(res.status, 400, path);
      assert.match(String(dialectOf(await res.json())), /nests deeper than 128 levels/, path);
    }
    const nested = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    const res = await post(
      '/v1/chat/completions',
      `{"model":"${chatModel('openai')}","messages":[{"role":"user","content":"Hi"}],"metadata":${nested}}`,
    );
    assert.equal(res.status, 200, await res.clone().text());
  });

  it('Content-Encoding: gzip on a body that is not gzip is a 400; real gzip is read', async () => {
    const plain = JSON.stringify({ model: chatModel('openai'), messages: ask });
    for (const path of ['/v1/chat/completions', '/v1/messages', '/api/chat', '/v1/embeddings', '/api/fast_text_mask']) {
      const res = await post(path, plain, { 'content-encoding': 'gzip' });
      assert.equal(res.status, 400, path);
      assert.match(await res.text(), /not valid data for its Content-Encoding/, path);
    }
    const res = await post('/v1/chat/completions', gzipSync(plain), { 'content-encoding': 'gzip' });
    assert.equal(res.status, 200);
  });
});
