import type { Database } from './database.js';
import { PostgresDatabase } from './postgres-database.js';
import { migrate } from './schema.js';
import { SqliteDatabase } from './sqlite-database.js';

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file's path. Tables made as needed. */
export async function openDatabase(location: string, schema = ''): Promise<Database> {
  const db = /^postgres(ql)?:\/\//.test(location)
    ? await PostgresDatabase.open(location, schema)
    : new SqliteDatabase(location);
  await migrate(db);
  return db;
}
