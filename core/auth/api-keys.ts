import { createHmac, randomBytes, randomInt } from 'node:crypto';

// The reference's format, so its keys and tools keep working: `sk-litm-` and 48 base62 characters.
const PREFIX = 'sk-litm-';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const KEY_PATTERN = /^sk-litm-[A-Za-z0-9]{48}$/;

/** A new key (about 285 random bits); it is shown once and only its hash is kept. */
export function generateKey(): string {
  let key = PREFIX;
  for (let i = 0; i < 48; i++) key += BASE62[randomInt(BASE62.length)];
  return key;
}

/** The store's keyed hash of a key: one lookup finds its record, and a stolen store reveals no key. */
export function keyHash(salt: string, key: string): string {
  return createHmac('sha256', salt).update(key).digest('hex');
}

/** The id logs, metrics and the admin API use instead of the key. */
export const newKeyId = () => `key_${randomBytes(8).toString('hex')}`;

export const newSalt = () => randomBytes(32).toString('hex');
