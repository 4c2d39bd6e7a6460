import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { EncryptedAuditor } from '../../../core/audit/encrypted-auditor.js';
import { createLogger } from '../../../core/logging/logger.js';
import { Metrics } from '../../../core/metrics/metrics.js';
import { checkAuditDir } from '../../../scripts/audit/chain-report.js';
import { maskingEvent as event } from '../../support/audit-event.js';

const logger = createLogger({ level: 'error', json: false, file: null });

/** Runs one "process" (one auditor, one chain) that writes `n` records into `dir`; returns its chain id. */
async function run(dir: string, keys: openpgp.PublicKey[], n: number): Promise<string> {
  const auditor = EncryptedAuditor.open({ dir, keys, queueSize: 100, logger, metrics: new Metrics(false) });
  const known = new Set(readdirSync(join(dir, 'chains')));
  for (let i = 0; i < n; i++) auditor.record(event(i));
  assert.equal(await auditor.close(10_000), 0);
  return readdirSync(join(dir, 'chains'))
    .find((f) => !known.has(f))!
    .replace('.json', '');
}

const filesOf = (dir: string, chain: string) =>
  readdirSync(dir).filter(
    (f) => f.endsWith('.audit') && readFileSync(join(dir, f), 'utf8').includes(`chain=${chain} `),
  );

let dir: string;
let first: string;
let second: string;
before(async () => {
  const { publicKey } = await openpgp.generateKey({ userIDs: [{ email: 'audit@example.com' }], format: 'object' });
  dir = mkdtempSync(join(tmpdir(), 'llm-router-chains-'));
  first = await run(dir, [publicKey], 3);
  second = await run(dir, [publicKey], 2);
});

const copy = () => {
  const out = mkdtempSync(join(tmpdir(), 'llm-router-chains-copy-'));
  cpSync(dir, out, { recursive: true });
  return out;
};

describe('audit chains across process starts', () => {
  it('verifies a chain that continues the one before it', () => {
    const { ok, problems } = checkAuditDir(dir);
    assert.deepEqual(problems, []);
    assert.equal(ok.length, 2);
    const [start] = filesOf(dir, second).sort();
    assert.match(readFileSync(join(dir, start!), 'utf8'), new RegExp(`after=${first}:3`));
  });

  it('reports an older chain removed whole, with its head file', () => {
    const d = copy();
    for (const f of filesOf(d, first)) rmSync(join(d, f));
    rmSync(join(d, 'chains', `${first}.json`));
    const { problems } = checkAuditDir(d);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, new RegExp(`MISSING chain ${first}: all of it, up to record 3`));
  });

  it('reports the tail of an older chain removed with its head file', () => {
    const d = copy();
    const last = filesOf(d, first).sort().at(-1)!;
    rmSync(join(d, last));
    rmSync(join(d, 'chains', `${first}.json`));
    const { problems } = checkAuditDir(d);
    assert.ok(
      problems.some((p) => new RegExp(`MISSING chain ${first}: records 3…3`).test(p)),
      problems.join('\n'),
    );
  });
});
