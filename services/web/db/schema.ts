import { type Database, serialKey } from './database.js';
import { MIGRATION_LOCK } from './migration-lock.js';

/**
 * The tables, as numbered steps: a database records the steps it has had, so a newer web service adds what is
 * missing and never runs a step twice. Times are milliseconds since 1970 (BIGINT on both databases).
 */
const STEPS: ReadonlyArray<(kind: Database['kind']) => string[]> = [
  (kind) => [
    `CREATE TABLE users (id ${serialKey(kind)}, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'user')), active INTEGER NOT NULL DEFAULT 1,
      created_at BIGINT NOT NULL)`,
    `CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
    `CREATE TABLE login_failures (subject TEXT NOT NULL, at BIGINT NOT NULL)`,
    'CREATE INDEX login_failures_subject ON login_failures (subject, at)',
    `CREATE TABLE projects (id ${serialKey(kind)}, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)`,
    `CREATE TABLE configs (id ${serialKey(kind)}, project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL, document TEXT NOT NULL, version INTEGER NOT NULL, updated_at BIGINT NOT NULL,
      UNIQUE (project_id, name))`,
    `CREATE TABLE config_versions (config_id BIGINT NOT NULL REFERENCES configs(id) ON DELETE CASCADE,
      version INTEGER NOT NULL, document TEXT NOT NULL, change TEXT NOT NULL, author TEXT NOT NULL,
      created_at BIGINT NOT NULL, PRIMARY KEY (config_id, version))`,
    `CREATE TABLE activations (id ${serialKey(kind)}, config_id BIGINT NOT NULL REFERENCES configs(id) ON DELETE CASCADE,
      version INTEGER NOT NULL, gateway_version TEXT NOT NULL, author TEXT NOT NULL, at BIGINT NOT NULL)`,
  ],
];

export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Two web services starting at once against one PostgreSQL: the second waits, then finds the steps done.
    if (db.kind === 'postgres') await tx.get(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_steps (step INTEGER PRIMARY KEY, at BIGINT NOT NULL)');
    const done = Number((await tx.get('SELECT COALESCE(MAX(step), 0) AS n FROM schema_steps'))?.['n'] ?? 0);
    for (let step = done; step < STEPS.length; step++) {
      for (const sql of STEPS[step]!(db.kind)) await tx.run(sql);
      await tx.run('INSERT INTO schema_steps (step, at) VALUES (?, ?)', [step + 1, Date.now()]);
    }
  });
}
