import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as openpgp from 'openpgp';
import { StartupError } from '../errors/startup-error.js';

/**
 * Every public key in `*.asc` files of the directory; each record is encrypted to all of them. A private key in
 * any file of the directory, whatever its name or form (armored or binary), or a key that cannot encrypt, stops
 * start-up: the gateway must never hold the key that opens the log.
 */
export async function loadAuditKeys(dir: string): Promise<openpgp.PublicKey[]> {
  const where = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(where, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch (err) {
    throw new StartupError(
      `auditing is on but LLM_ROUTER_AUDIT_KEYS_DIR ${where} cannot be read: ${(err as Error).message}`,
    );
  }
  for (const name of files) {
    if (await holdsPrivateKey(readFileSync(join(where, name)))) {
      throw new StartupError(
        `${join(where, name)} is a private key: only public keys belong in LLM_ROUTER_AUDIT_KEYS_DIR`,
      );
    }
  }
  const keys: openpgp.PublicKey[] = [];
  for (const name of files.filter((n) => n.endsWith('.asc'))) {
    const armored = readFileSync(join(where, name), 'utf8');
    let key: openpgp.Key;
    try {
      key = await openpgp.readKey({ armoredKey: armored });
      await key.getEncryptionKey();
    } catch (err) {
      throw new StartupError(`${join(where, name)} is not a usable public key: ${(err as Error).message}`);
    }
    keys.push(key as openpgp.PublicKey);
  }
  if (keys.length === 0)
    throw new StartupError(
      `auditing is on but LLM_ROUTER_AUDIT_KEYS_DIR ${where} has no public key (*.asc); make one with scripts/gen_and_export_gpg.sh`,
    );
  return keys;
}

/** Whether bytes are an OpenPGP private key, armored or binary. */
async function holdsPrivateKey(bytes: Buffer): Promise<boolean> {
  const text = bytes.toString('utf8');
  if (text.includes('PRIVATE KEY BLOCK')) return true;
  try {
    const key = text.includes('-----BEGIN PGP')
      ? await openpgp.readKey({ armoredKey: text })
      : await openpgp.readKey({ binaryKey: new Uint8Array(bytes) });
    return key.isPrivate();
  } catch {
    // Not a key at all (a README, a fingerprint list): nothing that opens the log.
    return false;
  }
}
