import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const SCRIPTS = join(import.meta.dirname, '..', '..', '..', 'scripts');

export interface Run {
  code: number;
  out: string;
}

/** Runs one of the project's bash scripts from an unrelated working directory, as an operator would. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [join(SCRIPTS, script), ...args],
      { cwd: tmpdir(), env: { ...process.env, ...env }, timeout: 120_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
      },
    );
  });
}

const homes: string[] = [];

/** A fresh gpg home (its agent is stopped by `stopGpgAgents`). */
export function gpgHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'llm-router-gnupg-'));
  chmodSync(home, 0o700);
  homes.push(home);
  return home;
}

/** gpg starts an agent per home that outlives the test; this stops them. */
export function stopGpgAgents(): void {
  for (const home of homes) spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: home } });
}

/** Imports a private key into a fresh gpg home, as an operator reading the log would. */
export function gpgHomeWith(privateKey: string): string {
  const home = gpgHome();
  spawnSync('gpg', ['--batch', '--import'], { input: privateKey, env: { ...process.env, GNUPGHOME: home } });
  return home;
}

/** A fresh gpg home with the auditor's key pair made by scripts/gen_and_export_gpg.sh; returns where the keys are. */
export async function gpgKeyPair(passphrase: string): Promise<{ home: string; publicKey: string; privateKey: string }> {
  const home = gpgHome();
  const out = join(home, 'export');
  const r = await runScript('gen_and_export_gpg.sh', ['-o', out], {
    GNUPGHOME: home,
    EMAIL: 'auditor@example.com',
    PASSPHRASE: passphrase,
  });
  if (r.code !== 0) throw new Error(`gen_and_export_gpg.sh failed:\n${r.out}`);
  return {
    home,
    publicKey: join(out, 'llm-router-auditor-pub.asc'),
    privateKey: join(out, 'llm-router-auditor-priv.asc'),
  };
}

export function tempDirs(): { keys: string; logs: string } {
  const root = mkdtempSync(join(tmpdir(), 'llm-router-audit-'));
  const dirs = { keys: join(root, 'keys'), logs: join(root, 'logs') };
  mkdirSync(dirs.keys);
  return dirs;
}

export const auditFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.audit'))
    .sort();

export async function untilFiles(dir: string, n: number, ms = 10_000): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const files = auditFiles(dir);
    if (files.length >= n) return files;
    if (Date.now() > end) throw new Error(`only ${files.length} of ${n} audit files appeared in ${dir}`);
    await sleep(50);
  }
}

/** The decrypted records of a directory (after decrypt_auditor_logs.sh), by request id. */
export function decryptedRecords(dir: string): any[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')));
}
