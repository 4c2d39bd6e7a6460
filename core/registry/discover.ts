import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports every module under `dir` (recursively) and returns the exported classes that `accept` picks.
 * This is how endpoints, provider types and plugins are registered: adding a file adds one.
 */
export async function discoverClasses<T>(dir: string, accept: (value: unknown) => value is T): Promise<T[]> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .sort();
  const found: T[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (accept(value) && !found.includes(value)) found.push(value);
  }
  return found;
}

export const hasStatic = (value: unknown, key: string): boolean =>
  typeof value === 'function' && Object.hasOwn(value, key);
