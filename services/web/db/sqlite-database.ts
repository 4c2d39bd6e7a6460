import BetterSqlite3, { type Statement } from 'better-sqlite3';
import type { Database, Param, Row } from './database.js';

// Each statement compiled once per database: the pages' SQL is a fixed set of constant strings.
const PREPARED = new WeakMap<BetterSqlite3.Database, Map<string, Statement>>();

/** The statements, run as they come: what a transaction's work gets. */
class SqliteStatements implements Database {
  readonly kind = 'sqlite' as const;
  private depth = 0;

  constructor(protected readonly db: BetterSqlite3.Database) {}

  private statement(sql: string) {
    let mine = PREPARED.get(this.db);
    if (!mine) {
      mine = new Map();
      PREPARED.set(this.db, mine);
    }
    let statement = mine.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      mine.set(sql, statement);
    }
    return statement;
  }

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return this.statement(sql).all(...params) as Row[];
  }

  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number; id: number | null }> {
    const statement = this.statement(sql);
    if (statement.reader) {
      const row = statement.get(...params) as Row | undefined;
      return { changes: row ? 1 : 0, id: row ? Number(row['id']) : null };
    }
    return { changes: statement.run(...params).changes, id: null };
  }

  async transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const savepoint = `s${this.depth++}`;
    this.db.exec(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work(this);
      this.db.exec(`RELEASE ${savepoint}`);
      return result;
    } catch (err) {
      this.db.exec(`ROLLBACK TO ${savepoint}`);
      this.db.exec(`RELEASE ${savepoint}`);
      throw err;
    } finally {
      this.depth--;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * SQLite in one file (the default). better-sqlite3 is synchronous, which is what SQLite is: a page's few short
 * queries cost microseconds. There is one connection, so while a transaction's work awaits, every other request's
 * statement waits for it to end instead of running inside it.
 */
export class SqliteDatabase extends SqliteStatements {
  private busy: Promise<void> | null = null;

  constructor(path: string) {
    super(new BetterSqlite3(path));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  private async free(): Promise<void> {
    while (this.busy) await this.busy;
  }

  override async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    await this.free();
    return super.all(sql, params);
  }

  override async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    await this.free();
    return super.get(sql, params);
  }

  override async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number; id: number | null }> {
    await this.free();
    return super.run(sql, params);
  }

  override async transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
    await this.free();
    let done = () => {};
    this.busy = new Promise((resolve) => {
      done = resolve;
    });
    try {
      return await new SqliteStatements(this.db).transaction(work);
    } finally {
      this.busy = null;
      done();
    }
  }
}
