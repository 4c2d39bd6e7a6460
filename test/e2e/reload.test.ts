import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { until } from '../support/until.js';

const ask = [{ role: 'user' as const, content: 'Hi' }];
const TOKEN = 'admin-token-for-tests';
const STAYS = chatModel('openai');
const LEAVES = chatModel('vllm');

/** The fake models, with `added` pointing at the same upstream and `removed` taken out of active_models. */
function config(upstreamUrl: string, added: string | null, removed: string | null) {
  const extra = added
    ? { [added]: { providers: [{ id: `${added}-p`, api_host: upstreamUrl, api_type: 'openai', model_path: 'x' }] } }
    : {};
  const c = fakeModelsConfig(upstreamUrl, extra);
  c.active_models.fake = c.active_models.fake.filter((m) => m !== removed);
  return c;
}

describe('reloading the models config', () => {
  let upstream: FakeUpstream;
  let gateway: GatewayProcess;
  let path: string;
  let client: OpenAI;
  const reload = (token = TOKEN) =>
    fetch(`${gateway.url}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const versionLine = async () =>
    /llm_router_models_config_info\{version="([0-9a-f]{12})"\} 1/.exec(
      await (await fetch(`${gateway.url}/metrics`)).text(),
    )?.[1];

  before(async () => {
    upstream = await new FakeUpstream().start();
    path = GatewayProcess.writeConfig(config(upstream.url, null, null));
    gateway = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: path,
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      LLM_ROUTER_ADMIN_TOKEN: TOKEN,
      LLM_ROUTER_USE_PROMETHEUS: '1',
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
  });
  after(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it('SIGHUP swaps in a valid file; streams in flight finish on the model they started with', async () => {
    const first = await versionLine();
    assert.ok(first);
    const resume = upstream.pauseStreams();
    let text = '';
    const streaming = (async () => {
      const stream = await client.chat.completions.create({ model: LEAVES, messages: ask, stream: true });
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })();
    try {
      await until('a stream in flight', () => upstream.pausedStreams === 1);
      writeFileSync(path, JSON.stringify(config(upstream.url, 'added-model', LEAVES)));
      gateway.signal('SIGHUP');
      await until('the reload', () =>
        /models config reloaded: version \w+, \d+ models, added added-model/.test(gateway.output),
      );
    } finally {
      resume();
    }
    await streaming;
    assert.ok(text.length > 0);
    const added = await client.chat.completions.create({ model: 'added-model', messages: ask });
    assert.ok(added.choices[0]?.message.content);
    await assert.rejects(client.chat.completions.create({ model: LEAVES, messages: ask }), { status: 404 });
    const listed = (await client.models.list()).data.map((m) => m.id);
    assert.ok(listed.includes('added-model') && !listed.includes(LEAVES));
    const second = await versionLine();
    assert.ok(second && second !== first);
  });

  it('a broken file is refused in one line and the config in force keeps serving', async () => {
    const before = await versionLine();
    writeFileSync(path, '{"active_models": {"fake": ["nope"]}');
    gateway.signal('SIGHUP');
    await until('the refusal', () =>
      /models config reload refused, version \w+ still serves: .*JSON/.test(gateway.output),
    );
    assert.ok((await client.chat.completions.create({ model: 'added-model', messages: ask })).choices.length);
    assert.equal(await versionLine(), before);

    writeFileSync(path, JSON.stringify({ fake: {}, active_models: { fake: ['ghost'] } }));
    const refused = await reload();
    assert.equal(refused.status, 422);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'config_invalid');
    assert.match(body.error.message, /model "ghost"/);
    assert.equal(await versionLine(), before);
  });

  it('the admin endpoint needs the token, and requests during reloads all succeed', async () => {
    assert.equal((await reload('wrong')).status, 401);
    assert.equal((await fetch(`${gateway.url}/api/admin/reload`, { method: 'POST' })).status, 401);
    const requests = Array.from({ length: 40 }, () =>
      client.chat.completions.create({ model: STAYS, messages: ask }).then((r) => r.choices.length),
    );
    for (const removed of [null, LEAVES, null, LEAVES]) {
      writeFileSync(path, JSON.stringify(config(upstream.url, 'added-model', removed)));
      const res = await reload();
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(((await res.json()) as { changed: boolean }).changed, true);
    }
    assert.deepEqual(await Promise.all(requests), Array(40).fill(1));
  });
});

describe('reloading under several workers', () => {
  it('SIGHUP to the primary reloads every worker', async () => {
    const upstream = await new FakeUpstream().start();
    const path = GatewayProcess.writeConfig(config(upstream.url, null, null));
    const gateway = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: path,
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      LLM_ROUTER_SERVER_WORKERS_COUNT: '2',
    });
    try {
      await until('both workers to listen', () => gateway.output.split('listening on').length === 3);
      writeFileSync(path, JSON.stringify(config(upstream.url, 'added-model', null)));
      gateway.signal('SIGHUP');
      await until('both workers to reload', () => gateway.output.split('added added-model').length === 3).catch(
        (err: Error) => {
          throw new Error(`${err.message}\n${gateway.output}`);
        },
      );
      // Connections are spread over the workers: every one of these must find the new model.
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 }).chat.completions.create({
            model: 'added-model',
            messages: ask,
          }),
        ),
      );
      assert.ok(answers.every((a) => a.choices[0]?.message.content));
    } finally {
      await gateway.stop();
      await upstream.stop();
    }
  });
});
