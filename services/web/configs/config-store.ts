import type { Database, Row } from '../db/database.js';
import type { ConfigDocument } from './config-document.js';

export interface StoredConfig {
  readonly id: number;
  readonly projectId: number;
  readonly name: string;
  readonly document: ConfigDocument;
  readonly version: number;
  readonly updatedAt: number;
}

export interface ConfigVersion {
  readonly version: number;
  readonly document: ConfigDocument;
  readonly change: string;
  readonly author: string;
  readonly createdAt: number;
}

const configOf = (row: Row): StoredConfig => ({
  id: Number(row['id']),
  projectId: Number(row['project_id']),
  name: String(row['name']),
  document: JSON.parse(String(row['document'])) as ConfigDocument,
  version: Number(row['version']),
  updatedAt: Number(row['updated_at']),
});

/** Configs and their history: every change is a new numbered version holding the whole document. */
export class ConfigStore {
  constructor(private readonly db: Database) {}

  async list(projectId: number): Promise<StoredConfig[]> {
    return (await this.db.all('SELECT * FROM configs WHERE project_id = ? ORDER BY name', [projectId])).map(configOf);
  }

  async get(id: number): Promise<StoredConfig | null> {
    const row = await this.db.get('SELECT * FROM configs WHERE id = ?', [id]);
    return row ? configOf(row) : null;
  }

  async nameTaken(projectId: number, name: string): Promise<boolean> {
    return (
      (await this.db.get('SELECT 1 AS x FROM configs WHERE project_id = ? AND name = ?', [projectId, name])) !==
      undefined
    );
  }

  async create(
    projectId: number,
    name: string,
    document: ConfigDocument,
    author: string,
    change: string,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      const { id } = await tx.run(
        'INSERT INTO configs (project_id, name, document, version, updated_at) VALUES (?, ?, ?, 1, ?) RETURNING id',
        [projectId, name, JSON.stringify(document), now],
      );
      await tx.run(
        'INSERT INTO config_versions (config_id, version, document, change, author, created_at) VALUES (?, 1, ?, ?, ?, ?)',
        [id!, JSON.stringify(document), change, author, now],
      );
      return id!;
    });
  }

  /**
   * A new version, if the config is still at `expected` (the version the form was made from): two people editing
   * at once do not silently undo each other. Returns the new version, or null when someone else changed it first.
   */
  async update(
    id: number,
    expected: number,
    document: ConfigDocument,
    author: string,
    change: string,
  ): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      const moved = await tx.run(
        'UPDATE configs SET document = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
        [JSON.stringify(document), now, id, expected],
      );
      if (moved.changes === 0) return null;
      await tx.run(
        'INSERT INTO config_versions (config_id, version, document, change, author, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, expected + 1, JSON.stringify(document), change, author, now],
      );
      return expected + 1;
    });
  }

  async remove(id: number): Promise<void> {
    await this.db.run('DELETE FROM configs WHERE id = ?', [id]);
  }

  async versions(id: number): Promise<ConfigVersion[]> {
    const rows = await this.db.all('SELECT * FROM config_versions WHERE config_id = ? ORDER BY version DESC', [id]);
    return rows.map((r) => ({
      version: Number(r['version']),
      document: JSON.parse(String(r['document'])) as ConfigDocument,
      change: String(r['change']),
      author: String(r['author']),
      createdAt: Number(r['created_at']),
    }));
  }

  async activated(id: number, version: number, gatewayVersion: string, author: string): Promise<void> {
    await this.db.run(
      'INSERT INTO activations (config_id, version, gateway_version, author, at) VALUES (?, ?, ?, ?, ?)',
      [id, version, gatewayVersion, author, Date.now()],
    );
  }

  /** The last activation of any config: which one the gateway was last given, at which version. */
  async lastActivation(): Promise<{ configId: number; version: number; gatewayVersion: string; at: number } | null> {
    const row = await this.db.get('SELECT * FROM activations ORDER BY id DESC LIMIT 1');
    return row
      ? {
          configId: Number(row['config_id']),
          version: Number(row['version']),
          gatewayVersion: String(row['gateway_version']),
          at: Number(row['at']),
        }
      : null;
  }
}
