import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { newKey } from '../../support/auth-cli.js';
import { FakeUpstream } from '../../support/fake-upstream.js';
import { GatewayProcess } from '../../support/gateway-process.js';
import { poolConfig } from '../../support/load.js';
import { WebProcess, WebVisitor } from '../../support/web-process.js';

describe('web service on a gateway with API keys: keys, usage per key, activation with an admin key', () => {
  const store = {
    LLM_ROUTER_AUTH_MEMORY_SEED_FILE: join(mkdtempSync(join(tmpdir(), 'llm-router-web-keys-')), 'keys.json'),
  };
  let upstream: FakeUpstream;
  let gateway: GatewayProcess;
  let web: WebProcess;
  let visitor: WebVisitor;
  let plain: { key: string; id: string };
  const chat = (apiKey: string) =>
    new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0 }).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
    });

  before(async () => {
    upstream = await new FakeUpstream().start();
    const admin = await newKey(store, '--name', 'ops', '--policy', 'admin');
    plain = await newKey(store, '--name', 'app', '--owner', 'team-a');
    gateway = await new GatewayProcess().start({
      ...store,
      LLM_ROUTER_AUTH_ENABLED: '1',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('m', [upstream.url])),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
    web = await new WebProcess().start({
      LLM_ROUTER_WEB_GATEWAY_URL: gateway.url,
      LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN: admin.key,
      LLM_ROUTER_WEB_GATEWAY_API_KEY: plain.key,
    });
    visitor = new WebVisitor(web.url);
    await visitor.submit('/setup', '/setup', { username: 'root', password: 'a long enough password' });
  });
  after(async () => {
    await web.stop();
    await gateway.stop();
    await upstream.stop();
  });

  it('lists the keys with their requests today and a chart, never a key itself', async () => {
    await chat(plain.key);
    await chat(plain.key);
    const page = (await visitor.get('/keys')).text;
    const row = /<tr data-key="app">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    assert.match(row, /<td>team-a<\/td><td>default<\/td><td>active<\/td><td>2<\/td>/);
    assert.match(page, /<svg class="chart"[\s\S]*<text x="0" y="16">app<\/text>/);
    assert.ok(!page.includes(plain.key));
  });

  it('creates a key and shows it once; disabling a key stops it at the gateway', async () => {
    const made = await visitor.submit('/keys', '/keys', { name: 'from-web', owner: '', policy: 'default' });
    assert.equal(made.status, 201);
    const key = /data-new-key>([^<]+)</.exec(made.text)![1]!;
    assert.equal((await chat(key)).object, 'chat.completion');
    assert.ok(!(await visitor.get('/keys')).text.includes(key));
    const page = (await visitor.get('/keys')).text;
    const id = /<tr data-key="from-web">[\s\S]*?name="id" value="([^"]+)"/.exec(page)![1]!;
    assert.equal((await visitor.submit('/keys', '/keys/disable', { id })).status, 303);
    await assert.rejects(chat(key), { status: 401 });
  });

  it('anonymizes with the web service’s API key and activates with its admin key', async () => {
    const masked = await visitor.submit('/anonymize', '/anonymize', { text: 'jan@example.com', algorithm: 'fast' });
    assert.match(masked.text, /\{\{EMAIL_1\}\}/);
    const imported = await visitor.submit('/configs/import', '/configs/import', {
      name: 'next',
      document: JSON.stringify(poolConfig('n', [upstream.url])),
    });
    const activated = await visitor.submit(imported.location!, `${imported.location}/activate`, {});
    assert.equal(activated.location, `${imported.location}?notice=activated`);
    await assert.rejects(chat(plain.key), { status: 404 });
  });
});
