import pg from 'pg';
import type { Database, Param, Row } from './database.js';
import { MIGRATION_LOCK } from './migration-lock.js';

// BIGINT (ids, times in ms) as numbers: they stay far below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: (oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
};

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the SQL the pages write never has a `?` inside a string). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** PostgreSQL, for teams (LLM_ROUTER_WEB_DATABASE=postgres://…); `schema` keeps the tables in a schema of their own. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool | null,
    private readonly client: Queryable,
  ) {}

  static async open(url: string, schema: string): Promise<PostgresDatabase> {
    const pool = new pg.Pool({
      connectionString: url,
      types,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new PostgresDatabase(pool, pool);
    if (schema)
      await db.transaction(async (tx) => {
        await tx.get(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await tx.run(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
      });
    return db;
  }

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return (await this.client.query(numbered(sql), params as Param[])).rows as Row[];
  }

  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number; id: number | null }> {
    const result = await this.client.query(numbered(sql), params as Param[]);
    const row = result.rows[0] as Row | undefined;
    return { changes: result.rowCount ?? 0, id: row && row['id'] !== undefined ? Number(row['id']) : null };
  }

  async transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
    if (!this.pool) return work(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresDatabase(null, client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}
