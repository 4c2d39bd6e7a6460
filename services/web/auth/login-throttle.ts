import type { Database } from '../db/database.js';

/**
 * Failed logins counted per user name and per client address over a sliding window, in the database (so every
 * instance counts the same): past the limit, a login is refused before its password is checked, even a right one.
 * An address may fail four times as often as one name: many people may sign in from behind one office's NAT.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private subjects(username: string, address: string): Array<[subject: string, limit: number]> {
    return [
      [`user:${username.toLowerCase()}`, this.limit],
      [`addr:${address}`, this.limit * 4],
    ];
  }

  /** Seconds until a login may be tried again; 0 when it may now. */
  async waitFor(username: string, address: string): Promise<number> {
    const since = Date.now() - this.windowMs;
    let wait = 0;
    for (const [subject, limit] of this.subjects(username, address)) {
      const row = await this.db.get(
        'SELECT COUNT(*) AS n, MIN(at) AS first FROM login_failures WHERE subject = ? AND at > ?',
        [subject, since],
      );
      if (Number(row?.['n'] ?? 0) >= limit)
        wait = Math.max(wait, Math.ceil((Number(row!['first']) + this.windowMs - Date.now()) / 1000));
    }
    return wait;
  }

  async failed(username: string, address: string): Promise<void> {
    const now = Date.now();
    await this.db.run('DELETE FROM login_failures WHERE at < ?', [now - this.windowMs]);
    for (const [subject] of this.subjects(username, address))
      await this.db.run('INSERT INTO login_failures (subject, at) VALUES (?, ?)', [subject, now]);
  }

  async succeeded(username: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE subject = ?', [`user:${username.toLowerCase()}`]);
  }
}
