import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FakeUpstream } from '../../support/fake-upstream.js';
import { poolConfig } from '../../support/load.js';
import { managedGateway, WebProcess, WebVisitor } from '../../support/web-process.js';

const TOKEN = 'admin-token-for-web-tests';
const PASSWORD = 'correct horse battery';
const XSS = '<script>alert(1)</script>';

describe('web service: sessions, CSRF, rate limits, escaping, roles', () => {
  let managed: Awaited<ReturnType<typeof managedGateway>>;
  let upstream: FakeUpstream;
  let web: WebProcess;
  let admin: WebVisitor;

  before(async () => {
    managed = await managedGateway(TOKEN, 'm');
    upstream = managed.upstream;
    web = await new WebProcess().start({ ...managed.webEnv, LLM_ROUTER_WEB_LOGIN_ATTEMPTS: '3' });
    admin = new WebVisitor(web.url);
  });
  after(async () => {
    if (process.env['DEBUG_WEB']) console.log(web.output);
    await web.stop();
    await managed.stop();
  });

  it('sends a fresh install to setup, which makes one admin and then is closed', async () => {
    assert.equal((await admin.get('/')).location, '/setup');
    const made = await admin.submit('/setup', '/setup', { username: 'root', password: PASSWORD });
    assert.equal(made.status, 303);
    assert.equal(made.location, '/configs');
    const cookie = admin.lastSetCookie.find((c) => c.startsWith('llmr_session='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    const again = new WebVisitor(web.url);
    assert.equal((await again.get('/setup')).location, '/login');
    const late = await again.submit('/login', '/setup', { username: 'intruder', password: PASSWORD });
    assert.equal(late.location, '/login');
    assert.equal((await again.submit('/login', '/login', { username: 'intruder', password: PASSWORD })).status, 401);
  });

  it('marks its cookies Secure with the __Host- prefix unless told it runs on plain http', async () => {
    const secure = await new WebProcess().start({ ...managed.webEnv, LLM_ROUTER_WEB_SECURE_COOKIES: '1' });
    try {
      const visitor = new WebVisitor(secure.url);
      await visitor.submit('/setup', '/setup', { username: 'root', password: PASSWORD });
      const session = visitor.lastSetCookie.find((c) => c.startsWith('__Host-llmr_session='));
      assert.ok(session, visitor.lastSetCookie.join(' | '));
      for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Strict/i, /; Path=\//i]) assert.match(session, flag);
      assert.doesNotMatch(session, /Domain=/i);
    } finally {
      await secure.stop();
    }
  });

  it('refuses a change without the page token, with a wrong one, or from another origin', async () => {
    const form = { name: 'p2' };
    assert.equal((await admin.post('/projects', form)).status, 403);
    assert.equal((await admin.post('/projects', { ...form, _csrf: 'x'.repeat(32) })).status, 403);
    const token = await admin.tokenOf('/projects');
    assert.equal(
      (await admin.post('/projects', { ...form, _csrf: token }, { origin: 'http://evil.example' })).status,
      403,
    );
    assert.equal((await admin.post('/projects', { ...form, _csrf: token })).status, 303);
    assert.match((await admin.get('/projects')).text, /data-project="p2"/);
  });

  it('limits failed sign-ins per user name: past the limit even the right password waits', async () => {
    const guesser = new WebVisitor(web.url);
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await guesser.submit('/login', '/login', { username: 'root', password: `guess ${i} xxxxxxx` })).status,
        401,
      );
    const refused = await guesser.submit('/login', '/login', { username: 'root', password: PASSWORD });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.res.headers.get('retry-after')) > 0);
    assert.ok(!guesser.lastSetCookie.some((c) => c.startsWith('llmr_session=')));
  });

  it('shows model names, provider ids and texts as text, never as markup', async () => {
    const config = poolConfig(XSS, [upstream.url]);
    (config.g[XSS]!.providers[0] as Record<string, unknown>)['id'] = `"><img src=x onerror=alert(2)>`;
    const imported = await admin.submit('/configs/import', '/configs/import', {
      name: 'xss',
      document: JSON.stringify(config),
    });
    assert.equal(imported.status, 303, imported.text);
    const page = await admin.get(imported.location!);
    assert.ok(!page.text.includes(XSS) && !page.text.includes('<img src=x'), 'markup from the config reached the page');
    assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    // The text anonymizer needs no account: a visitor who never signed in.
    const masked = await new WebVisitor(web.url).submit('/anonymize', '/anonymize', {
      text: `${XSS} jan@example.com`,
      algorithm: 'fast',
    });
    assert.equal(masked.status, 200);
    assert.ok(!masked.text.includes(XSS));
    assert.match(masked.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt; <mark class="ph">\{\{EMAIL_1\}\}<\/mark>/);
  });

  it('rejects an import the gateway would refuse, with the gateway’s own words', async () => {
    const bad = poolConfig('m2', [upstream.url], 'vlm');
    const res = await admin.submit('/configs/import', '/configs/import', {
      name: 'bad',
      document: JSON.stringify(bad),
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /model &quot;m2&quot;: field providers\.0\.api_type/);
  });

  it('gives a user no activation, no user admin, and exports with tokens shown as ••••', async () => {
    const config = poolConfig('tok', [upstream.url], 'vllm', { api_token: 'sk-secret-token-0123456789abcd' });
    const imported = await admin.submit('/configs/import', '/configs/import', {
      name: 'tok',
      document: JSON.stringify(config),
    });
    const id = imported.location!.split('/').pop()!;
    assert.ok(!(await admin.get(`/configs/${id}`)).text.includes('sk-secret'), 'the token was shown on the page');
    assert.match((await admin.get(`/configs/${id}/export`)).text, /sk-secret-token-0123456789abcd/);
    await admin.submit('/users', '/users', { username: 'ula', password: PASSWORD, role: 'user' });
    const user = new WebVisitor(web.url);
    assert.equal((await user.submit('/login', '/login', { username: 'ula', password: PASSWORD })).status, 303);
    assert.equal((await user.get('/users')).status, 403);
    assert.equal((await user.submit(`/configs/${id}`, `/configs/${id}/activate`, {})).status, 403);
    const exported = (await user.get(`/configs/${id}/export`)).text;
    assert.ok(!exported.includes('sk-secret'));
    assert.match(exported, /"api_token": "••••abcd"/);
  });

  it('sets a model’s pricing, refused by the gateway when negative, and exports it', async () => {
    const imported = await admin.submit('/configs/import', '/configs/import', {
      name: 'priced',
      document: JSON.stringify(poolConfig('paid', [upstream.url])),
    });
    const path = imported.location!;
    const price = async (input: string, output: string) => {
      const version = /name="version" value="(\d+)"/.exec((await admin.get(path)).text)![1]!;
      return admin.submit(path, `${path}/pricing`, {
        group: 'g',
        model: 'paid',
        version,
        input_per_million: input,
        output_per_million: output,
      });
    };
    const refused = await price('-1', '2');
    assert.equal(refused.status, 422);
    assert.match(refused.text, /field pricing\.input_per_million/);
    assert.equal((await price('0.5', '')).status, 400);
    assert.equal((await price('0.5', '1.5')).status, 303);
    const exported = JSON.parse((await admin.get(`${path}/export`)).text);
    assert.deepEqual(exported.g.paid.pricing, { input_per_million: 0.5, output_per_million: 1.5 });
    assert.equal((await price('', '')).status, 303);
    assert.equal(JSON.parse((await admin.get(`${path}/export`)).text).g.paid.pricing, undefined);
  });

  it('signs a blocked user out at once', async () => {
    const user = new WebVisitor(web.url);
    await user.submit('/login', '/login', { username: 'ula', password: PASSWORD });
    assert.equal((await user.get('/configs')).status, 200);
    const users = (await admin.get('/users')).text;
    const id = /data-user="ula">[\s\S]*?\/users\/(\d+)\/block/.exec(users)![1];
    await admin.submit('/users', `/users/${id}/block`, {});
    assert.equal((await user.get('/configs')).location, '/login?next=%2Fconfigs');
  });

  it('shows on the config’s page that the gateway did not take it, and records no activation', async () => {
    const imported = await admin.submit('/configs/import', '/configs/import', {
      name: 'unsent',
      document: JSON.stringify(poolConfig('later', [upstream.url])),
    });
    await managed.gateway.stop();
    const res = await admin.submit(imported.location!, `${imported.location}/activate`, {});
    assert.equal(res.status, 502);
    assert.match(
      res.text,
      /The gateway did not take the config: the gateway at http:\/\/127\.0\.0\.1:\d+ did not answer/,
    );
    assert.doesNotMatch((await admin.get('/configs')).text, /on the gateway/);
  });
});
