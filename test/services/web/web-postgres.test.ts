import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { FakeUpstream } from '../../support/fake-upstream.js';
import { poolConfig } from '../../support/load.js';
import { freshSchema, POSTGRES_URL } from '../../support/postgres-schema.js';
import { managedGateway, WebProcess, WebVisitor } from '../../support/web-process.js';

const TOKEN = 'admin-token-for-postgres-tests';

describe('two web services sharing one PostgreSQL', () => {
  const schema = freshSchema();
  let managed: Awaited<ReturnType<typeof managedGateway>>;
  let upstream: FakeUpstream;
  let first: WebProcess;
  let second: WebProcess;

  before(async () => {
    managed = await managedGateway(TOKEN, 'm');
    upstream = managed.upstream;
    const env = {
      LLM_ROUTER_WEB_DATABASE: POSTGRES_URL,
      LLM_ROUTER_WEB_DATABASE_SCHEMA: schema.name,
      ...managed.webEnv,
    };
    // Started together: the second waits for the first's tables instead of making them twice. Both are kept
    // whatever happens to the other, so that `after` stops a started one (a live child keeps the test running).
    first = new WebProcess();
    second = new WebProcess();
    const started = await Promise.allSettled([first.start(env), second.start(env)]);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
    await managed.stop();
    await schema.drop();
  });

  it('keeps users, configs and versions in PostgreSQL, and a session works on both until signed out', async () => {
    const visitor = new WebVisitor(first.url);
    await visitor.submit('/setup', '/setup', { username: 'root', password: 'a long enough password' });
    const imported = await visitor.submit('/configs/import', '/configs/import', {
      name: 'shared',
      document: JSON.stringify(poolConfig('m', [upstream.url])),
    });
    assert.equal(imported.status, 303, imported.text);
    const path = imported.location!;
    const version = /name="version" value="(\d+)"/.exec((await visitor.get(path)).text)![1]!;
    const edited = await visitor.submit(path, `${path}/active`, { group: 'g', model: 'm', active: '', version });
    // The gateway refuses a config with no active model, in its own words; nothing is saved.
    assert.equal(edited.status, 422);
    assert.match(edited.text, /lists no model/);

    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    const rows = await client.query(
      `SELECT (SELECT COUNT(*) FROM ${schema.name}.users) AS users, (SELECT COUNT(*) FROM ${schema.name}.config_versions) AS versions`,
    );
    await client.end();
    assert.deepEqual(rows.rows[0], { users: '1', versions: '1' });

    // The same cookie on the other instance: the session is a row both read.
    const elsewhere = Object.assign(Object.create(Object.getPrototypeOf(visitor)), visitor, {
      url: second.url,
    }) as WebVisitor;
    assert.equal((await elsewhere.get('/configs')).status, 200);
    await visitor.submit('/configs', '/logout', {});
    assert.equal((await elsewhere.get('/configs')).status, 303);
  });
});
