import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { EncryptedAuditor } from '../../../core/audit/encrypted-auditor.js';
import { createLogger } from '../../../core/logging/logger.js';
import { Metrics } from '../../../core/metrics/metrics.js';
import { maskingEvent as event } from '../../support/audit-event.js';
import { until } from '../../support/until.js';

const audits = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.audit'));
const sequences = (dir: string) =>
  audits(dir).map((f) => Number(/seq=(\d+)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1]));

describe('EncryptedAuditor', () => {
  it('writes a record once when only its chain head failed, and keeps the sequence unbroken', async () => {
    const { publicKey } = await openpgp.generateKey({ userIDs: [{ email: 'audit@example.com' }], format: 'object' });
    const dir = mkdtempSync(join(tmpdir(), 'llm-router-auditor-'));
    const metrics = new Metrics(true);
    const logger = createLogger({ level: 'error', json: false, file: null });
    const auditor = EncryptedAuditor.open({ dir, keys: [publicKey], queueSize: 10, logger, metrics });
    auditor.record(event(1));
    await auditor.flush();
    assert.deepEqual(sequences(dir), [1]);

    // The chain directory becomes a file: the next record's file can be written, its head cannot.
    const chains = join(dir, 'chains');
    rmSync(chains, { recursive: true });
    writeFileSync(chains, 'not a directory');
    auditor.record(event(2));
    await until('a failed head write', async () => (await metrics.auditWriteFailures.get()).values[0]!.value >= 1);
    assert.equal(audits(dir).length, 2, 'the record itself is stored');

    rmSync(chains);
    mkdirSync(chains);
    auditor.record(event(3));
    await auditor.flush();
    assert.deepEqual(sequences(dir).sort(), [1, 2, 3], 'each record once, no sequence number twice');
    const [head] = readdirSync(chains);
    assert.equal(JSON.parse(readFileSync(join(chains, head!), 'utf8')).seq, 3);
    assert.equal(await auditor.close(1000), 0);
  });
});
