import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';

export interface SignedIn {
  readonly userId: number;
  readonly username: string;
  readonly role: 'admin' | 'user';
  /** The synchronizer token every form and script of this session sends back (CSRF). */
  readonly csrf: string;
  /** The session's row key (a hash of the cookie's secret), to end it. */
  readonly id: string;
}

// The cookie holds a random secret; the database holds only its hash, so a leaked table opens no session.
const idOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * Sessions as rows of the database the users are in, so signing out, blocking a user or changing a password
 * ends the sessions at once on every instance of the web service sharing it.
 */
export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly lifetimeMs: number,
  ) {}

  /** A new session; returns the cookie's value. */
  async start(userId: number): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.db.run('DELETE FROM sessions WHERE expires_at < ?', [now]);
    await this.db.run('INSERT INTO sessions (id, user_id, csrf, expires_at) VALUES (?, ?, ?, ?)', [
      idOf(secret),
      userId,
      randomBytes(24).toString('base64url'),
      now + this.lifetimeMs,
    ]);
    return secret;
  }

  async find(secret: string | undefined): Promise<SignedIn | null> {
    if (!secret || secret.length > 100) return null;
    const row = await this.db.get(
      `SELECT s.id, s.csrf, u.id AS user_id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = ? AND s.expires_at > ? AND u.active = 1`,
      [idOf(secret), Date.now()],
    );
    if (!row) return null;
    return {
      id: String(row['id']),
      csrf: String(row['csrf']),
      userId: Number(row['user_id']),
      username: String(row['username']),
      role: row['role'] === 'admin' ? 'admin' : 'user',
    };
  }

  async end(id: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id = ?', [id]);
  }

  /** Every session of a user but `keep` (a password changed: other devices sign in again). */
  async endAllOf(userId: number, keep = ''): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE user_id = ? AND id <> ?', [userId, keep]);
  }
}
