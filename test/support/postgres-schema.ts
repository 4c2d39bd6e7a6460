import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env['LLM_ROUTER_TEST_POSTGRES'] ?? 'postgres://root@127.0.0.1:5432/test';

/** A schema of its own for one test in the machine's PostgreSQL, dropped afterwards. */
export function freshSchema(): { name: string; drop(): Promise<void> } {
  const name = `web_test_${randomBytes(6).toString('hex')}`;
  return {
    name,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await client.end();
    },
  };
}
