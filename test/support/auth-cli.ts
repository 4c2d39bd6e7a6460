import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'auth', 'auth-cli.js');

/** Runs the auth CLI as an operator would (`npm run --silent auth -- …`), on the store `env` names. */
export async function authCli(env: Record<string, string>, ...args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  return stdout.trim().split('\n');
}

/** `key generate …`: the new key (its last line) and its id. */
export async function newKey(env: Record<string, string>, ...args: string[]): Promise<{ key: string; id: string }> {
  const lines = await authCli(env, 'key', 'generate', ...args);
  return { key: lines.at(-1)!, id: /^id: (\S+)/.exec(lines[0]!)![1]! };
}
