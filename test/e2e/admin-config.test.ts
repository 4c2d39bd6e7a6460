import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { REPLY_TEXT } from '../support/fake-replies.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { poolConfig } from '../support/load.js';
import { until } from '../support/until.js';

const TOKEN = 'admin-token-for-tests';
const CLOSED = 'http://127.0.0.1:1';

describe('the admin API for config managers: check, apply, provider status, check host', () => {
  let upstream: FakeUpstream;
  let gateway: GatewayProcess;
  let path: string;
  const admin = (route: string, body?: unknown, token = TOKEN) =>
    fetch(`${gateway.url}/api/admin/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const chatWith = (model: string) =>
    new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 }).chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Hi' }],
    });

  before(async () => {
    upstream = await new FakeUpstream().start();
    path = GatewayProcess.writeConfig(poolConfig('first', [upstream.url]));
    gateway = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: path,
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '1',
      LLM_ROUTER_ADMIN_TOKEN: TOKEN,
    });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('refuses every admin route without the admin token', async () => {
    for (const [route, body] of [
      ['providers'],
      ['models-config/check', {}],
      ['models-config', {}],
      ['check-host', {}],
    ]) {
      const res = await admin(route as string, body, 'wrong');
      assert.equal(res.status, 401, route as string);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
    }
  });

  it('checks a config with the messages a reload gives, without applying it', async () => {
    const good = poolConfig('second', [upstream.url]);
    const ok = await admin('models-config/check', good);
    assert.equal(ok.status, 200);
    assert.deepEqual(((await ok.json()) as { models: string[] }).models, ['second']);
    await assert.rejects(chatWith('second'), { status: 404 });

    const bad = poolConfig('second', [upstream.url], 'vlm');
    const refused = await admin('models-config/check', bad);
    assert.equal(refused.status, 422);
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    assert.match(
      message,
      /^The models config is not valid: models config \(sent\): model "second": field providers\.0\.api_type/,
    );
    // The same file, put where the gateway reads it and reloaded: the same words after the source.
    const before = readFileSync(path, 'utf8');
    GatewayProcess.writeConfigAt(path, bad);
    const reload = (await (await admin('reload', {})).json()) as { error: { message: string } };
    GatewayProcess.writeConfigAt(path, JSON.parse(before));
    assert.equal(reload.error.message.split(`${path}: `)[1], message.split('(sent): ')[1]);
  });

  it('applies a config: written where the gateway reads it, served at once; a bad one changes nothing', async () => {
    const next = poolConfig('second', [upstream.url]);
    const res = await admin('models-config', next);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { reloaded: boolean; changed: boolean; models: number };
    assert.deepEqual([body.reloaded, body.changed, body.models], [true, true, 1]);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), next);
    assert.equal((await chatWith('second')).object, 'chat.completion');
    await assert.rejects(chatWith('first'), { status: 404 });

    const written = readFileSync(path, 'utf8');
    const refused = await admin('models-config', { active_models: { g: ['x'] } });
    assert.equal(refused.status, 422);
    assert.match(
      ((await refused.json()) as { error: { message: string } }).error.message,
      /was not applied: .*"g" is not defined/,
    );
    assert.equal(readFileSync(path, 'utf8'), written);
    assert.equal((await chatWith('second')).object, 'chat.completion');
  });

  it('lets a stream in flight finish on the config it started with while another is applied', async () => {
    const resume = upstream.pauseStreams();
    let text = '';
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const streaming = (async () => {
      const stream = await client.chat.completions.create({
        model: 'second',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })();
    await until('the stream under way', () => upstream.requests.some((r) => (r.body as { stream?: boolean }).stream));
    assert.equal((await admin('models-config', poolConfig('interim', [upstream.url]))).status, 200);
    await assert.rejects(chatWith('second'), { status: 404 });
    resume();
    await streaming;
    assert.equal(text, REPLY_TEXT);
    assert.equal((await admin('models-config', poolConfig('second', [upstream.url]))).status, 200);
  });

  it('shows each provider with its health and breaker, host without credentials, never its token', async () => {
    const config = poolConfig('pair', [upstream.url, CLOSED.replace('//', '//user:pw@')]);
    assert.equal((await admin('models-config', config)).status, 200);
    const status = await until(
      'both providers probed',
      async () => {
        const body = (await (await admin('providers')).json()) as {
          models: Array<{ name: string; providers: Array<Record<string, unknown>> }>;
        };
        const providers = body.models[0]!.providers;
        return providers.every((p) => p['health'] !== 'unknown') ? body : undefined;
      },
      20_000,
    );
    const [live, dead] = status.models[0]!.providers;
    assert.equal(status.models[0]!.name, 'pair');
    assert.equal(live!['health'], 'up');
    assert.equal(dead!['health'], 'down');
    assert.match(String(dead!['why_down']), /refused the connection/);
    assert.deepEqual(live!['breaker'], { state: 'closed', failures: 0 });
    assert.equal(dead!['api_host'], CLOSED);
    assert.doesNotMatch(JSON.stringify(status), /secret|pw@|token/);
  });

  it('checks a host from the gateway: one that answers, one that refuses, a field that is wrong', async () => {
    const up = (await (await admin('check-host', { api_host: upstream.url, api_type: 'vllm' })).json()) as Record<
      string,
      unknown
    >;
    assert.equal(up['reachable'], true);
    assert.equal(up['status'], 200);
    assert.equal(typeof up['latency_ms'], 'number');
    const down = (await (await admin('check-host', { api_host: CLOSED, api_type: 'ollama' })).json()) as Record<
      string,
      unknown
    >;
    assert.equal(down['reachable'], false);
    assert.match(String(down['reason']), /refused the connection/);
    const wrong = await admin('check-host', { api_host: upstream.url, api_type: 'vlm' });
    assert.equal(wrong.status, 400);
    const error = ((await wrong.json()) as { error: { param: string; message: string } }).error;
    assert.equal(error.param, 'api_type');
  });

  it('answers 500 when the file cannot be written, and keeps serving the config in force', async () => {
    rmSync(dirname(path), { recursive: true });
    const res = await admin('models-config', poolConfig('third', [upstream.url]));
    assert.equal(res.status, 500);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'config_not_written');
    assert.match(error.message, /ENOENT/);
    assert.equal((await chatWith('pair')).object, 'chat.completion');
  });
});
