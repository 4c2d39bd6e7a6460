import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { loadAuditKeys } from '../../../core/audit/audit-keys.js';
import { StartupError } from '../../../core/errors/startup-error.js';

let pair: { publicKey: string; privateKey: string; binaryPrivate: Uint8Array };
before(async () => {
  const { publicKey, privateKey } = await openpgp.generateKey({
    userIDs: [{ email: 'audit@example.com' }],
    format: 'armored',
  });
  const binaryPrivate = (await openpgp.readPrivateKey({ armoredKey: privateKey })).write();
  pair = { publicKey, privateKey, binaryPrivate };
});

function keysDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-router-keys-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('audit keys', () => {
  it('loads the public keys and lets other files be', async () => {
    const keys = await loadAuditKeys(
      keysDir({ 'ops.asc': pair.publicKey, 'README.txt': 'public keys of the auditors' }),
    );
    assert.equal(keys.length, 1);
  });

  const privateFiles: Array<[string, () => Record<string, string | Uint8Array>]> = [
    ['armored, named .asc', () => ({ 'ops.asc': pair.publicKey, 'oops.asc': pair.privateKey })],
    ['armored, named .txt', () => ({ 'ops.asc': pair.publicKey, 'secret.txt': pair.privateKey })],
    ['binary, named .gpg', () => ({ 'ops.asc': pair.publicKey, 'backup.gpg': pair.binaryPrivate })],
    ['binary, no extension', () => ({ 'ops.asc': pair.publicKey, key: pair.binaryPrivate })],
  ];
  for (const [form, files] of privateFiles) {
    it(`stops start-up on a private key ${form}`, async () => {
      await assert.rejects(
        loadAuditKeys(keysDir(files())),
        (e: unknown) => e instanceof StartupError && /is a private key/.test(e.message),
      );
    });
  }
});
