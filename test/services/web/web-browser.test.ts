import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium } from '../../support/browser.js';
import { FakeUpstream } from '../../support/fake-upstream.js';
import { GatewayProcess } from '../../support/gateway-process.js';
import { poolConfig } from '../../support/load.js';
import { until } from '../../support/until.js';
import { WebProcess } from '../../support/web-process.js';

const TOKEN = 'admin-token-for-browser-tests';
const EMAIL = 'jan.kowalski@example.com';

/** The config the operator imports: a model with two providers to reorder, one to edit, one that echoes. */
function importedConfig(upstream: string) {
  const provider = (id: string, modelPath: string, more: object = {}) => ({
    id,
    api_host: upstream,
    api_type: 'vllm',
    model_path: modelPath,
    ...more,
  });
  return {
    web_models: {
      'web-pair': { providers: [provider('pair-1', 'upstream-ok-vllm'), provider('pair-2', 'upstream-ok-vllm')] },
      'web-solo': { providers: [provider('solo', 'upstream-ok-vllm', { api_token: 'sk-kept-token-0123456789wxyz' })] },
      'web-echo': { providers: [provider('echo', 'upstream-echo-vllm')] },
    },
    active_models: { web_models: ['web-pair', 'web-solo', 'web-echo'] },
  };
}

describe('web service in a real browser: from an empty install to a gateway serving an edited config', () => {
  let upstream: FakeUpstream;
  let gateway: GatewayProcess;
  let web: WebProcess;
  let browser: Browser;
  let page: Page;
  let configUrl = '';
  const shots = artifactsDir('screenshots');
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const providerOrder = () =>
    page
      .locator('[data-model="web-pair"] li[data-provider]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-provider')));

  before(async () => {
    upstream = await new FakeUpstream().start();
    gateway = await new GatewayProcess().start({
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig('before-web', [upstream.url])),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '1',
      LLM_ROUTER_ADMIN_TOKEN: TOKEN,
    });
    web = await new WebProcess().start({
      LLM_ROUTER_WEB_GATEWAY_URL: gateway.url,
      LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN: TOKEN,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    page.on('dialog', (d) => void d.accept());
  });
  after(async () => {
    await browser?.close();
    await web.stop();
    await gateway.stop();
    await upstream.stop();
  });

  it('sets up the first administrator and signs in', async () => {
    await page.goto(web.url);
    assert.equal(new URL(page.url()).pathname, '/setup');
    await shot('setup-light');
    await page.click('#theme-toggle');
    await shot('setup-dark');
    await page.click('#theme-toggle');
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('form[action="/setup"] button');
    await page.waitForURL('**/configs');
    assert.match(await page.locator('header .who').innerText(), /operator/);
    await page.click('header form[action="/logout"] button');
    await page.waitForURL('**/login');
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('form[action="/login"] button');
    await page.waitForURL('**/configs');
  });

  it('imports a config from a file, checked by the gateway', async () => {
    await page.goto(`${web.url}/configs/import`);
    const file = join(artifactsDir('files'), 'models-config.json');
    writeFileSync(file, JSON.stringify(importedConfig(upstream.url)));
    await page.fill('input[name=name]', 'production');
    await page.setInputFiles('input[type=file][data-fills]', file);
    await until('the file read into the form', async () => (await page.inputValue('#document')).includes('web-pair'));
    await shot('import-light');
    await page.click('form[action="/configs/import"] button');
    await page.waitForURL(/\/configs\/\d+$/);
    configUrl = page.url();
    assert.deepEqual(await providerOrder(), ['pair-1', 'pair-2']);
    assert.match(await page.locator('[data-model="web-solo"]').innerText(), /••••wxyz/);
    assert.ok(!(await page.content()).includes('sk-kept-token'), 'the token was put in the page');
    await shot('config-light');
  });

  it('edits a provider (its token kept) and checks its host through the gateway', async () => {
    await page.click('[data-model="web-solo"] li[data-provider="solo"] a');
    await page.waitForURL(/\/provider\?/);
    await page.fill('input[name=model_path]', 'edited-path');
    await page.click('[data-check-host]');
    await until('the check answered', async () =>
      /✔ answered HTTP 200/.test(await page.locator('[data-check-result]').innerText()),
    );
    await shot('provider-light');
    await page.click('form.provider-form button.primary');
    await page.waitForURL(/\?notice=saved/);
    assert.match(await page.locator('.notice').innerText(), /Saved as a new version/);
    assert.match(await page.locator('[data-model="web-solo"]').innerText(), /edited-path[\s\S]*••••wxyz/);
  });

  it('reorders providers by dragging one onto another', async () => {
    await page.goto(configUrl);
    await page.dragAndDrop(
      '[data-model="web-pair"] li[data-provider="pair-2"]',
      '[data-model="web-pair"] li[data-provider="pair-1"]',
    );
    await page.waitForURL(/\?notice=saved/);
    assert.deepEqual(await providerOrder(), ['pair-2', 'pair-1']);
  });

  it('shows each version with its diff, and restores one as a new version', async () => {
    await page.click('a[href$="/versions"]');
    await page.waitForURL(/\/versions$/);
    assert.equal(await page.locator('section.version').count(), 3);
    const latest = await page.locator('section.version').first().locator('pre.diff').innerText();
    assert.match(latest, /^- .*"id": "pair-1"/m);
    await shot('versions-light');
    await page.click('section.version[data-version="2"] button');
    await page.waitForURL(/\?notice=restored/);
    assert.deepEqual(await providerOrder(), ['pair-1', 'pair-2']);
    assert.match(await page.locator('[data-model="web-solo"]').innerText(), /edited-path/);
    assert.match(await page.locator('.actions .tag').first().innerText(), /v4/);
  });

  it('activates it on the running gateway, which then serves it', async () => {
    await page.click('#activate');
    await page.waitForURL(/\?notice=activated/);
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    await client.chat.completions.create({ model: 'web-solo', messages: [{ role: 'user', content: 'Hi' }] });
    const sent = upstream.requests.at(-1)!;
    assert.equal((sent.body as { model: string }).model, 'edited-path');
    assert.equal(sent.headers['authorization'], 'Bearer sk-kept-token-0123456789wxyz');
    await assert.rejects(
      client.chat.completions.create({ model: 'before-web', messages: [{ role: 'user', content: 'Hi' }] }),
      { status: 404 },
    );
    await page.goto(`${web.url}/gateway`);
    // The table refreshes itself (htmx, every 5 s): no reload from here on.
    await until(
      'the providers probed',
      async () => (await page.locator('[data-provider="pair-1"] [data-health]').innerText()) === 'up',
      20_000,
    );
    await shot('gateway-light');
    const before = await page.locator('[data-gateway-version]').innerText();
    const applied = await fetch(`${gateway.url}/api/admin/models-config`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...importedConfig(upstream.url),
        active_models: { web_models: ['web-solo', 'web-echo'] },
      }),
    });
    assert.equal(applied.status, 200);
    const after = ((await applied.json()) as { version: string }).version;
    assert.notEqual(after, before);
    await until(
      'the page shows the new version',
      async () => (await page.locator('[data-gateway-version]').innerText()) === after,
      20_000,
    );
    assert.equal(await page.locator('[data-provider="pair-1"]').count(), 0);
  });

  it('anonymizes a text and shows the mapping', async () => {
    await page.goto(`${web.url}/anonymize`);
    await page.fill('#anonymize-text', `Write to ${EMAIL} today.`);
    await page.click('form[action="/anonymize"] button.primary');
    await page.waitForSelector('[data-masked]');
    assert.equal(await page.locator('[data-masked]').innerText(), 'Write to {{EMAIL_1}} today.');
    assert.deepEqual(await page.locator('table.mapping tbody td').allInnerTexts(), ['{{EMAIL_1}}', EMAIL]);
    await shot('anonymize-light');
  });

  it('chats with placeholders only reaching the model while the page shows the originals', async () => {
    await page.goto(`${web.url}/anonymize/chat`);
    await page.selectOption('#chat-model', 'web-echo');
    await page.fill('#chat-input', `My address is ${EMAIL}`);
    await page.click('#chat-send');
    const answer = page.locator('#chat-log li.assistant .content');
    await until(
      'the streamed answer',
      async () => (await answer.count()) === 1 && (await answer.innerText()) === `You said: My address is ${EMAIL}`,
    );
    const sent = JSON.stringify(upstream.requests.at(-1)!.body);
    assert.ok(!sent.includes(EMAIL), `the address reached the model: ${sent}`);
    assert.match(sent, /My address is \{\{EMAIL_1\}\}/);
    await page.locator('#chat-log li.user details summary').click();
    assert.equal(await page.locator('#chat-log li.user pre.masked').innerText(), 'My address is {{EMAIL_1}}');
    // A second turn: the same address gets the same placeholder; the history came from the browser's session.
    await page.fill('#chat-input', `Again: ${EMAIL}`);
    await page.click('#chat-send');
    await until(
      'the second answer',
      async () => (await answer.count()) === 2 && (await answer.nth(1).innerText()) === `You said: Again: ${EMAIL}`,
    );
    const second = JSON.stringify(upstream.requests.at(-1)!.body);
    assert.match(second, /Again: \{\{EMAIL_1\}\}/);
    assert.ok(!second.includes(EMAIL));
    await page.reload();
    assert.equal(await page.locator('#chat-log li').count(), 4);
    assert.equal(await page.inputValue('#chat-model'), 'web-echo');
    for (const summary of await page.locator('#chat-log details summary').all()) await summary.click();
    await shot('chat-light');
    await page.locator('input[name=algorithm][value=none]').check();
    assert.equal(await page.locator('#privacy-warning').isVisible(), true);
    await shot('chat-no-anonymization-light');
  });

  it('exports a conversation and imports it again into a new chat', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chat-export')]);
    const file = join(artifactsDir('files'), 'conversation.json');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { messages: Array<{ role: string; content: string }> };
    assert.deepEqual(
      saved.messages.map((m) => m.content),
      [`My address is ${EMAIL}`, `You said: My address is ${EMAIL}`, `Again: ${EMAIL}`, `You said: Again: ${EMAIL}`],
    );
    await page.click('#chat-new');
    assert.equal(await page.locator('#chat-log li').count(), 0);
    await page.setInputFiles('#chat-import', file);
    await until('the conversation imported', async () => (await page.locator('#chat-log li').count()) === 4);
    assert.equal(await page.locator('#chat-log li.user .content').first().innerText(), `My address is ${EMAIL}`);
  });

  it('masks a text file dropped onto the anonymizer', async () => {
    await page.goto(`${web.url}/anonymize`);
    const drop = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Call me: ${EMAIL}'], 'note.txt', { type: 'text/plain' }));
      return data;
    })()`);
    await page.dispatchEvent('#anonymize-text', 'drop', { dataTransfer: drop });
    await until(
      'the file read into the field',
      async () => (await page.inputValue('#anonymize-text')) === `Call me: ${EMAIL}`,
    );
    await page.click('form[action="/anonymize"] button.primary');
    await page.waitForSelector('[data-masked]');
    assert.equal(await page.locator('[data-masked]').innerText(), 'Call me: {{EMAIL_1}}');
  });

  it('speaks Polish, and saves every page in the dark and the light theme', async () => {
    await page.goto(`${web.url}/configs`);
    await page.click('header a[lang=pl]');
    assert.equal(await page.locator('h1').innerText(), 'Konfiguracje: default');
    await page.click('header a[lang=en]');
    await page.click('#theme-toggle');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(background, 'rgb(22, 23, 26)');
    const config = new URL(configUrl).pathname;
    const pages = [
      ['configs', '/configs'],
      ['import', '/configs/import'],
      ['config', config],
      ['provider', `${config}/provider?group=web_models&model=web-solo&index=0`],
      ['versions', `${config}/versions`],
      ['gateway', '/gateway'],
      ['keys', '/keys'],
      ['anonymize', '/anonymize'],
      ['chat', '/anonymize/chat'],
      ['users', '/users'],
      ['projects', '/projects'],
      ['password', '/password'],
    ] as const;
    for (const theme of ['dark', 'light'] as const) {
      await page.context().addCookies([{ name: 'theme', value: theme, url: web.url }]);
      for (const [name, path] of pages) {
        await page.goto(web.url + path);
        assert.equal(await page.locator('html').getAttribute('data-theme'), theme);
        await shot(`page-${name}-${theme}`);
      }
      // The sign-in page, as someone not signed in sees it.
      const visitor = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      await visitor.addCookies([{ name: 'theme', value: theme, url: web.url }]);
      const signIn = await visitor.newPage();
      await signIn.goto(`${web.url}/login`);
      await signIn.screenshot({ path: join(shots, `page-login-${theme}.png`), fullPage: true });
      await visitor.close();
    }
  });
});
