import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { versionOf } from './models-config.js';

/** How a config sent to the gateway is written: two-space JSON, as operators keep it, with a final newline. */
export const configText = (raw: unknown): string => `${JSON.stringify(raw, null, 2)}\n`;

/**
 * Writes the models config in one step (a temporary file beside it, renamed over it), so a reload, a restart or
 * another worker never reads half a file. Returns the version of what was written.
 */
export function writeModelsConfig(path: string, raw: unknown): string {
  const text = configText(raw);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
  return versionOf(text);
}
