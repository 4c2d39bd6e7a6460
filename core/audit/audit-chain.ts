/**
 * The hash chain that makes the audit directory tamper-evident. Each file's armor carries, in clear,
 * `Comment: llm-router-audit chain=<id> seq=<n> prev=<sha256 of the previous file>`; the encrypted record
 * carries the same. A chain is one process's run; its head (last seq and hash) is in `chains/<id>.json`.
 */
export interface ChainLink {
  readonly chain: string;
  readonly seq: number;
  /** SHA-256 (hex) of the previous file of the chain, byte for byte; `none` for the first. */
  readonly prev: string;
}

export interface ChainHead {
  readonly chain: string;
  readonly seq: number;
  readonly sha256: string;
  readonly file: string;
}

export const CHAIN_DIR = 'chains';
export const FIRST_PREV = 'none';
const COMMENT = /^Comment: llm-router-audit chain=([0-9a-f]+) seq=(\d+) prev=([0-9a-f]{64}|none)\r?$/m;

export const chainComment = (l: ChainLink) => `llm-router-audit chain=${l.chain} seq=${l.seq} prev=${l.prev}`;

export function parseChainComment(armored: string): ChainLink | null {
  const m = COMMENT.exec(armored);
  return m ? { chain: m[1]!, seq: Number(m[2]), prev: m[3]! } : null;
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
