import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Database } from '../../../../services/web/db/database.js';
import { openDatabase } from '../../../../services/web/db/open-database.js';
import { freshSchema, POSTGRES_URL } from '../../../support/postgres-schema.js';

const kinds: Array<[string, () => Promise<{ db: Database; done(): Promise<void> }>]> = [
  [
    'SQLite',
    async () => {
      const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'web-db-')), 'web.db'));
      return { db, done: () => db.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = freshSchema();
      const db = await openDatabase(POSTGRES_URL, schema.name);
      return {
        db,
        async done() {
          await db.close();
          await schema.drop();
        },
      };
    },
  ],
];

for (const [kind, open] of kinds)
  describe(`the web service's database on ${kind}`, () => {
    let opened: Awaited<ReturnType<typeof open>>;
    after(() => opened?.done());

    it('makes its tables once: a second start finds them', async () => {
      opened = await open();
      const { db } = opened;
      const steps = await db.get('SELECT COUNT(*) AS n FROM schema_steps');
      assert.equal(Number(steps!['n']), 1);
      const { id } = await db.run('INSERT INTO projects (name, created_at) VALUES (?, ?) RETURNING id', ['p', 1]);
      assert.equal(typeof id, 'number');
      assert.deepEqual(await db.get('SELECT name, created_at FROM projects WHERE id = ?', [id]), {
        name: 'p',
        created_at: 1,
      });
    });

    it('keeps all of a transaction or none of it', async () => {
      const { db } = opened;
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO projects (name, created_at) VALUES (?, ?)', ['lost', 2]);
          throw new Error('midway');
        }),
        /midway/,
      );
      assert.equal(await db.get('SELECT 1 AS x FROM projects WHERE name = ?', ['lost']), undefined);
      await db.transaction((tx) => tx.run('INSERT INTO projects (name, created_at) VALUES (?, ?)', ['kept', 3]));
      assert.ok(await db.get('SELECT 1 AS x FROM projects WHERE name = ?', ['kept']));
    });

    it('does not let another request’s statement into a transaction that is waiting', async () => {
      const { db } = opened;
      let resume = () => {};
      const paused = new Promise<void>((r) => {
        resume = r;
      });
      let inside = () => {};
      const entered = new Promise<void>((r) => {
        inside = r;
      });
      const tx = db
        .transaction(async (t) => {
          await t.run('INSERT INTO projects (name, created_at) VALUES (?, ?)', ['pending', 4]);
          inside();
          await paused;
          throw new Error('rolled back');
        })
        .catch(() => 'rolled back');
      await entered;
      // Another request writes while the transaction waits: its row must survive the rollback.
      const other = db.run('INSERT INTO projects (name, created_at) VALUES (?, ?)', ['other', 5]);
      resume();
      assert.equal(await tx, 'rolled back');
      await other;
      assert.ok(await db.get('SELECT 1 AS x FROM projects WHERE name = ?', ['other']));
      assert.equal(await db.get('SELECT 1 AS x FROM projects WHERE name = ?', ['pending']), undefined);
    });
  });

describe("the web service's database on PostgreSQL, opened by several services at once", () => {
  it('starts them all on a fresh schema: they take turns creating the schema, the tables and the steps', async () => {
    const schema = freshSchema();
    try {
      const opened = await Promise.allSettled(Array.from({ length: 8 }, () => openDatabase(POSTGRES_URL, schema.name)));
      const dbs = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        assert.deepEqual(
          opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
          [],
        );
        const steps = await dbs[0]!.all('SELECT step FROM schema_steps ORDER BY step');
        assert.deepEqual(
          steps.map((r) => r['step']),
          steps.map((_, i) => i + 1),
          'each step once',
        );
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    } finally {
      await schema.drop();
    }
  });
});
