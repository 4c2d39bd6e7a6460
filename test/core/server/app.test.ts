import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadSettings } from '../../../core/config/settings.js';
import { discoverEndpoints, resolveRoutes } from '../../../core/server/routes.js';
import { FakeUpstream } from '../../support/fake-upstream.js';
import { type InProcessGateway, inProcessGateway } from '../../support/in-process-gateway.js';
import { chatModel, fakeModelsConfig } from '../../support/models.js';

let upstream: FakeUpstream;
let gw: InProcessGateway;
before(async () => {
  upstream = await new FakeUpstream().start();
  gw = await inProcessGateway(fakeModelsConfig(upstream.url), { LLM_ROUTER_MAX_REQUEST_BODY_SIZE: '1024' });
});
after(async () => {
  await gw.close();
  await upstream.stop();
});

const send = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

// How each dialect's error body names what went wrong.
const SHAPES: Record<string, (body: any) => string | undefined> = {
  openai: (b) => (typeof b.error?.message === 'string' && typeof b.error?.type === 'string' ? b.error.code : undefined),
  anthropic: (b) => (b.type === 'error' && typeof b.error?.message === 'string' ? b.error.type : undefined),
  ollama: (b) => (typeof b.error === 'string' ? 'error' : undefined),
};

describe('the app', () => {
  it('renders a bad body on every POST route in that route’s dialect, with a 400', async () => {
    const routes = resolveRoutes(await discoverEndpoints(), loadSettings({})).filter((r) => r.method === 'POST');
    assert.ok(routes.length >= 10, 'every POST route is tried');
    for (const r of routes) {
      const res = await send(r.path, '{"model": ');
      assert.equal(res.status, 400, r.path);
      const shape = SHAPES[r.endpoint.route.dialect]!(await res.json());
      assert.ok(shape, `${r.path} answers in the ${r.endpoint.route.dialect} shape`);
    }
  });

  it('answers an unknown route or method with a 404 naming it', async () => {
    const res = await fetch(`${gw.url}/v1/nothing-here`);
    assert.equal(res.status, 404);
    const body = (await res.json()) as any;
    assert.equal(body.error.code, 'unknown_route');
    assert.match(body.error.message, /GET \/v1\/nothing-here/);
    assert.equal((await fetch(`${gw.url}/v1/chat/completions`)).status, 404);
  });

  it('refuses a body over the limit with 413 and an unknown encoding with 415', async () => {
    const big = JSON.stringify({ model: chatModel('openai'), messages: [{ role: 'user', content: 'x'.repeat(2000) }] });
    const tooLarge = await send('/v1/chat/completions', big);
    assert.equal(tooLarge.status, 413);
    assert.equal(((await tooLarge.json()) as any).error.code, 'request_too_large');
    const encoded = await send('/v1/chat/completions', '{}', { 'content-encoding': 'br-nonsense' });
    assert.equal(encoded.status, 415);
    assert.equal(((await encoded.json()) as any).error.code, 'unsupported_encoding');
  });

  it('keeps a valid x-request-id, makes one otherwise, and sends it to the provider', async () => {
    const ok = JSON.stringify({ model: chatModel('openai'), messages: [{ role: 'user', content: 'Hi' }] });
    const given = await send('/v1/chat/completions', ok, { 'x-request-id': 'trace-in-process' });
    assert.equal(given.status, 200);
    assert.equal(given.headers.get('x-request-id'), 'trace-in-process');
    assert.equal(upstream.last().headers['x-request-id'], 'trace-in-process');
    const made = await send('/v1/chat/completions', ok, { 'x-request-id': 'not valid!' });
    assert.match(made.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(upstream.last().headers['x-request-id'], made.headers.get('x-request-id'));
  });

  it('names the provider that answered and whether it was a fallback', async () => {
    const res = await send(
      '/v1/chat/completions',
      JSON.stringify({ model: chatModel('vllm'), messages: [{ role: 'user', content: 'Hi' }] }),
    );
    assert.equal(res.headers.get('x-llm-router-provider'), `${chatModel('vllm')}-p`);
    assert.equal(res.headers.get('x-llm-router-fallback'), 'false');
  });
});
