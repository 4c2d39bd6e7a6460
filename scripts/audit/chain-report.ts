import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChainLink, FIRST_PREV, fileTime, parseChainComment, readHeads } from '../../core/audit/audit-chain.js';

interface AuditFile extends ChainLink {
  readonly name: string;
  readonly sha256: string;
}

export interface ChainReport {
  readonly ok: string[];
  readonly problems: string[];
}

/**
 * Checks every chain of an audit directory. Each file's SHA-256 must be the next file's `prev`, seqs must
 * run 1, 2, 3… in the order the files were written, and the last one must be the chain's head (or the one
 * before it: a process killed between the two writes leaves the head a step behind). A chain's first record
 * that names the chain before it must find that chain's record with that hash: a whole older chain, or its
 * tail, deleted with its head file is reported too.
 *
 * What stays undetectable: the newest chain deleted whole with its head (no later chain names it), and a
 * directory emptied entirely. Keep copies of the directory elsewhere (or ship records off the machine) for that.
 */
export function checkAuditDir(dir: string): ChainReport {
  const ok: string[] = [];
  const problems: string[] = [];
  const chains = new Map<string, AuditFile[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.audit'))
    .sort((a, b) => fileTime(a).localeCompare(fileTime(b)) || a.localeCompare(b))) {
    const content = readFileSync(join(dir, name));
    const link = parseChainComment(content.toString('utf8'));
    if (!link) {
      problems.push(`ALTERED ${name}: it has no chain header`);
      continue;
    }
    const list = chains.get(link.chain) ?? [];
    list.push({ ...link, name, sha256: createHash('sha256').update(content).digest('hex') });
    chains.set(link.chain, list);
  }
  const heads = readHeads(dir);
  for (const head of heads)
    if (!chains.has(head.chain))
      problems.push(`MISSING chain ${head.chain}: all ${head.seq} records (the last was ${head.file})`);

  for (const [chain, inWriteOrder] of chains) {
    const before = problems.length;
    for (let i = 1; i < inWriteOrder.length; i++) {
      const [a, b] = [inWriteOrder[i - 1]!, inWriteOrder[i]!];
      if (b.seq <= a.seq)
        problems.push(
          `REORDERED ${b.name}: record ${b.seq} of chain ${chain} is named after ${a.name} (record ${a.seq})`,
        );
    }
    const bySeq = [...inWriteOrder].sort((x, y) => x.seq - y.seq);
    const first = bySeq[0]!;
    if (first.seq !== 1) problems.push(`MISSING chain ${chain}: records 1…${first.seq - 1}, before ${first.name}`);
    else if (first.after) problems.push(...predecessorProblems(first, chains));
    else if (first.prev !== FIRST_PREV)
      problems.push(`ALTERED ${first.name}: the first record of chain ${chain} names a previous one`);
    for (let i = 1; i < bySeq.length; i++) {
      const [a, b] = [bySeq[i - 1]!, bySeq[i]!];
      if (b.seq === a.seq)
        problems.push(`ALTERED ${b.name}: record ${b.seq} of chain ${chain} appears twice (also ${a.name})`);
      else if (b.seq > a.seq + 1)
        problems.push(
          `MISSING chain ${chain}: ${b.seq - a.seq - 1} record(s) between ${a.name} and ${b.name} (records ${a.seq + 1}…${b.seq - 1})`,
        );
      else if (b.prev !== a.sha256) problems.push(`ALTERED ${a.name}: its contents are not what ${b.name} recorded`);
    }
    const last = bySeq.at(-1)!;
    const head = heads.find((h) => h.chain === chain);
    if (head && head.seq > last.seq)
      problems.push(`MISSING chain ${chain}: the last ${head.seq - last.seq} record(s), up to ${head.file}`);
    else if (head && head.seq === last.seq && head.sha256 !== last.sha256)
      problems.push(`ALTERED ${last.name}: it is not the chain's recorded head`);
    else if (head && head.seq < last.seq - 1)
      problems.push(`ALTERED chain ${chain}: ${last.seq - head.seq} records after its recorded head (${head.file})`);
    if (problems.length === before)
      ok.push(`OK chain ${chain}: ${bySeq.length} record(s), ${inWriteOrder[0]!.name} … ${inWriteOrder.at(-1)!.name}`);
  }
  return { ok, problems };
}

/** What is wrong with the chain a chain's first record says it continues. */
function predecessorProblems(first: AuditFile, chains: ReadonlyMap<string, AuditFile[]>): string[] {
  const { chain, seq } = first.after!;
  const before = chains.get(chain);
  if (!before) return [`MISSING chain ${chain}: all of it, up to record ${seq} (named by ${first.name})`];
  const last = Math.max(...before.map((f) => f.seq));
  if (last < seq) return [`MISSING chain ${chain}: records ${last + 1}…${seq} (named by ${first.name})`];
  const named = before.find((f) => f.seq === seq);
  if (named && named.sha256 !== first.prev)
    return [`ALTERED ${named.name}: its contents are not what ${first.name} recorded`];
  return [];
}
