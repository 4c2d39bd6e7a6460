import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as openpgp from 'openpgp';
import { StartupError } from '../errors/startup-error.js';

/**
 * Every public key in `*.asc` files of the directory; each record is encrypted to all of them. A file that
 * holds a private key, or a key that cannot encrypt, stops start-up: the gateway must never hold the key
 * that opens the log.
 */
export async function loadAuditKeys(dir: string): Promise<openpgp.PublicKey[]> {
  const where = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(where)
      .filter((n) => n.endsWith('.asc'))
      .sort();
  } catch (err) {
    throw new StartupError(
      `auditing is on but LLM_ROUTER_AUDIT_KEYS_DIR ${where} cannot be read: ${(err as Error).message}`,
    );
  }
  const keys: openpgp.PublicKey[] = [];
  for (const name of names) {
    const armored = readFileSync(join(where, name), 'utf8');
    if (armored.includes('PRIVATE KEY BLOCK'))
      throw new StartupError(
        `${join(where, name)} is a private key: only public keys belong in LLM_ROUTER_AUDIT_KEYS_DIR`,
      );
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
