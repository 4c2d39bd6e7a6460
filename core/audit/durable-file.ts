import { constants } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes to a temporary name and fsyncs it, so that a crash leaves a whole file or none under the real name. */
async function writeTemp(path: string, data: string): Promise<string> {
  const temp = `${dirname(path)}/.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  const fh = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return temp;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Creates `path` whole and durably; false if it already exists (nothing is overwritten). */
export async function createDurably(path: string, data: string): Promise<boolean> {
  const temp = await writeTemp(path, data);
  try {
    await link(temp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => {});
  }
  await syncDir(dirname(path));
  return true;
}

/** Replaces `path` whole and durably. */
export async function replaceDurably(path: string, data: string): Promise<void> {
  const temp = await writeTemp(path, data);
  await rename(temp, path);
  await syncDir(dirname(path));
}
