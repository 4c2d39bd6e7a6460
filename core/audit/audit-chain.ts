import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hash chain that makes the audit directory tamper-evident. Each file's armor carries, in clear,
 * `Comment: llm-router-audit chain=<id> seq=<n> prev=<sha256 of the previous file>`; the encrypted record
 * carries the same. A chain is one process's run; its head (last seq and hash) is in `chains/<id>.json`. A
 * chain's first record names the chain that was newest in the directory when it began (`after=<id>:<seq>`, with
 * that head's hash as `prev`), so a deleted older chain, or the deleted tail of one, is missed by the next one.
 */
export interface ChainLink {
  readonly chain: string;
  readonly seq: number;
  /** SHA-256 (hex) of the previous file, byte for byte; `none` for the first record of the first chain. */
  readonly prev: string;
  /** On a chain's first record: the chain before it and that chain's last record then. */
  readonly after?: { readonly chain: string; readonly seq: number };
}

export interface ChainHead {
  readonly chain: string;
  readonly seq: number;
  readonly sha256: string;
  readonly file: string;
}

export const CHAIN_DIR = 'chains';
export const FIRST_PREV = 'none';
const COMMENT =
  /^Comment: llm-router-audit chain=([0-9a-f]+) seq=(\d+) prev=([0-9a-f]{64}|none)(?: after=([0-9a-f]+):(\d+))?\r?$/m;

export const chainComment = (l: ChainLink) =>
  `llm-router-audit chain=${l.chain} seq=${l.seq} prev=${l.prev}${l.after ? ` after=${l.after.chain}:${l.after.seq}` : ''}`;

export function parseChainComment(armored: string): ChainLink | null {
  const m = COMMENT.exec(armored);
  if (!m) return null;
  const link = { chain: m[1]!, seq: Number(m[2]), prev: m[3]! };
  return m[4] ? { ...link, after: { chain: m[4], seq: Number(m[5]) } } : link;
}

/** `<type>__<YYYYmmdd_HHMMSS.ffffff>.audit` in UTC (the reference's name, which used local time). */
export function auditFileName(type: string, micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}_${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${type}__${date}.${p(micros % 1_000_000, 6)}.audit`;
}

/** The time part of a file name, for ordering files as they were written. */
export const fileTime = (name: string) => name.slice(name.indexOf('__') + 2, -'.audit'.length);

/** The newest chain head of a directory (by the time of its last file): the one a new chain continues. */
export function newestHead(heads: readonly ChainHead[]): ChainHead | null {
  return [...heads].sort((a, b) => fileTime(a.file).localeCompare(fileTime(b.file))).at(-1) ?? null;
}

/** The chain heads recorded in a directory; one that cannot be read is left out (the verify script names it). */
export function readHeads(dir: string): ChainHead[] {
  const headsDir = join(dir, CHAIN_DIR);
  if (!existsSync(headsDir)) return [];
  const heads: ChainHead[] = [];
  for (const name of readdirSync(headsDir).filter((n) => n.endsWith('.json'))) {
    try {
      heads.push(JSON.parse(readFileSync(join(headsDir, name), 'utf8')) as ChainHead);
    } catch {
      // A head being replaced right now, or damaged: not one to continue from.
    }
  }
  return heads;
}
