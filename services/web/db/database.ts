/** A row as the drivers give it: column name → value (numbers, strings or null; no driver objects). */
export type Row = Record<string, string | number | null>;
export type Param = string | number | null;

/**
 * What the web service needs of a relational database, written once for SQLite and PostgreSQL: SQL with `?`
 * placeholders (turned into `$1…` for PostgreSQL), rows as plain objects, and transactions.
 */
export interface Database {
  readonly kind: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  get(sql: string, params?: readonly Param[]): Promise<Row | undefined>;
  /** An INSERT/UPDATE/DELETE; `id` is the new row's when the statement ends with `RETURNING id`. */
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number; id: number | null }>;
  /** Runs `work` in one transaction on one connection: all of it is kept, or none. */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The column types that differ between the two: an auto-numbered key. */
export const serialKey = (kind: Database['kind']): string =>
  kind === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
