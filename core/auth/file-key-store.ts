import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { newSalt } from './api-keys.js';
import type { KeyRecord, Policy, Team } from './key-record.js';
import type { KeyStore } from './key-store.js';

interface FileShape {
  salt: string;
  keys: KeyRecord[];
  policies: Record<string, Policy>;
  teams: Record<string, Team>;
}

// The file is read again when it changed, looked at no more than this often: the CLI writes it while the
// gateway runs, and a disabled key must stop working without a restart.
const CHECK_EVERY_MS = 1000;

/** Keys in one JSON file (LLM_ROUTER_AUTH_MEMORY_SEED_FILE), for one instance; the CLI writes it atomically. */
export class FileKeyStore implements KeyStore {
  private data: FileShape = { salt: '', keys: [], policies: {}, teams: {} };
  private byHashMap = new Map<string, KeyRecord>();
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly path: string) {
    this.refresh(true);
  }

  async salt(): Promise<string> {
    this.refresh();
    if (!this.data.salt) {
      this.data.salt = newSalt();
      this.write();
    }
    return this.data.salt;
  }

  async byHash(hash: string): Promise<KeyRecord | null> {
    this.refresh();
    const found = this.byHashMap.get(hash);
    if (found) return found;
    // A key made a moment ago is in a file newer than the last look (a stat; misses are limited per address).
    this.refresh(true);
    return this.byHashMap.get(hash) ?? null;
  }

  async byId(id: string): Promise<KeyRecord | null> {
    this.refresh();
    return this.data.keys.find((k) => k.id === id) ?? null;
  }

  async list(): Promise<KeyRecord[]> {
    this.refresh();
    return [...this.data.keys];
  }

  async put(record: KeyRecord): Promise<void> {
    this.refresh(true);
    this.data.keys = [...this.data.keys.filter((k) => k.id !== record.id), record];
    this.write();
  }

  async remove(id: string): Promise<boolean> {
    this.refresh(true);
    const before = this.data.keys.length;
    this.data.keys = this.data.keys.filter((k) => k.id !== id);
    if (this.data.keys.length === before) return false;
    this.write();
    return true;
  }

  async policies(): Promise<Record<string, Policy>> {
    this.refresh();
    return { ...this.data.policies };
  }

  async putPolicy(name: string, policy: Policy): Promise<void> {
    this.refresh(true);
    this.data.policies = { ...this.data.policies, [name]: policy };
    this.write();
  }

  async teams(): Promise<Record<string, Team>> {
    this.refresh();
    return { ...this.data.teams };
  }

  async putTeam(name: string, team: Team): Promise<void> {
    this.refresh(true);
    this.data.teams = { ...this.data.teams, [name]: team };
    this.write();
  }

  async close(): Promise<void> {}

  private refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.checkedAt < CHECK_EVERY_MS) return;
    this.checkedAt = now;
    if (!existsSync(this.path)) return;
    const mtime = statSync(this.path).mtimeMs;
    if (mtime === this.mtimeMs) return;
    const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<FileShape>;
    this.data = { salt: raw.salt ?? '', keys: raw.keys ?? [], policies: raw.policies ?? {}, teams: raw.teams ?? {} };
    this.byHashMap = new Map(this.data.keys.map((k) => [k.hash, k]));
    this.mtimeMs = mtime;
  }

  private write(): void {
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.byHashMap = new Map(this.data.keys.map((k) => [k.hash, k]));
    this.mtimeMs = statSync(this.path).mtimeMs;
  }
}
