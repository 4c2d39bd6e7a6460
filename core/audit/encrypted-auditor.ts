import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as openpgp from 'openpgp';
import { StartupError } from '../errors/startup-error.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import {
  auditFileName,
  CHAIN_DIR,
  type ChainHead,
  type ChainLink,
  chainComment,
  FIRST_PREV,
  newestHead,
  readHeads,
} from './audit-chain.js';
import type { AuditEvent, AuditSink } from './audit-sink.js';
import { createDurably, replaceDurably } from './durable-file.js';

export interface AuditorOptions {
  readonly dir: string;
  readonly keys: openpgp.PublicKey[];
  readonly queueSize: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Audit records encrypted to every configured public key (ASCII-armored OpenPGP, readable with `gpg`), one
 * file each, written in order by one loop off the request path. A record is acknowledged once its file is
 * fsynced under its final name and the chain head is updated. If the directory cannot be written, requests
 * go on, the failure is logged and counted, and records wait in a bounded queue (the newest are dropped,
 * and counted, when it is full) until writing works again.
 */
export class EncryptedAuditor implements AuditSink {
  private readonly queue: AuditEvent[] = [];
  private readonly chain = randomBytes(8).toString('hex');
  private seq = 0;
  private prev = FIRST_PREV;
  /** The chain this one continues (the directory's newest when it opened), named by its first record. */
  private after: ChainLink['after'];
  private lastMicros = 0;
  private running: Promise<void> | null = null;
  private failing = false;
  /** The head of a record whose file is written but whose chain head is not yet: only the head is retried. */
  private pendingHead: ChainHead | null = null;

  private constructor(private readonly o: AuditorOptions) {
    const previous = newestHead(readHeads(o.dir));
    if (previous) {
      this.prev = previous.sha256;
      this.after = { chain: previous.chain, seq: previous.seq };
    }
  }

  /** Checks the directory can be written, at start-up, so a misconfiguration stops the gateway at once. */
  static open(o: AuditorOptions): EncryptedAuditor {
    const dir = resolve(o.dir);
    try {
      mkdirSync(join(dir, CHAIN_DIR), { recursive: true });
      const probe = join(dir, `.write-check-${process.pid}.tmp`);
      writeFileSync(probe, '');
      unlinkSync(probe);
    } catch (err) {
      throw new StartupError(
        `auditing is on but LLM_ROUTER_AUDIT_DIR ${dir} is not writable: ${(err as Error).message}`,
      );
    }
    return new EncryptedAuditor({ ...o, dir });
  }

  record(event: AuditEvent): void {
    if (this.queue.length >= this.o.queueSize) {
      if (this.o.metrics.enabled) this.o.metrics.auditDropped.inc();
      this.o.logger.error(`audit queue full (${this.o.queueSize}): a ${event.type} record was dropped`);
      return;
    }
    this.queue.push(event);
    this.gauge();
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  /** Resolves when every queued record is written (or `timeoutMs` passes); for shutdown and tests. */
  async flush(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    // A drain stuck retrying an unwritable directory must not hold the caller past its deadline.
    while (this.unwritten > 0 && Date.now() < end)
      await Promise.race([this.running ?? sleep(10), sleep(Math.max(0, end - Date.now()))]);
  }

  /** Flushes, then stops retrying; returns how many records are still unwritten. */
  async close(timeoutMs: number): Promise<number> {
    await this.flush(timeoutMs);
    return this.queue.length;
  }

  /** Records not yet stored, and a chain head still to update. */
  private get unwritten(): number {
    return this.queue.length + (this.pendingHead ? 1 : 0);
  }

  private async drain(): Promise<void> {
    let backoff = 250;
    while (this.unwritten > 0) {
      try {
        // A record whose file was written is never written again (that would repeat its sequence number):
        // after a failed head update, only the head is retried.
        if (this.pendingHead === null) {
          await this.write(this.queue[0]!);
          this.queue.shift();
          this.gauge();
        }
        await this.writeHead();
        if (this.failing) this.o.logger.info(`audit log writable again; ${this.queue.length} records still queued`);
        this.failing = false;
        backoff = 250;
      } catch (err) {
        // A directory removed at run time is made again; anything else waits for an operator.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          await mkdir(join(this.o.dir, CHAIN_DIR), { recursive: true }).catch(() => {});
        if (this.o.metrics.enabled) this.o.metrics.auditWriteFailures.inc();
        if (!this.failing)
          this.o.logger.error(
            `cannot write the audit log in ${this.o.dir} (records wait in the queue): ${(err as Error).message}`,
          );
        this.failing = true;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async write(event: AuditEvent): Promise<void> {
    const seq = this.seq + 1;
    const link: ChainLink = {
      chain: this.chain,
      seq,
      prev: this.prev,
      ...(seq === 1 && this.after ? { after: this.after } : {}),
    };
    const record = {
      audit_type: event.type,
      endpoint: event.endpoint,
      request_id: event.request_id,
      key_id: event.key_id,
      model: event.model,
      provider: event.provider,
      begin: event.begin,
      end: event.end,
      chain: link,
    };
    const armored = (await openpgp.encrypt({
      message: await openpgp.createMessage({ text: JSON.stringify(record, null, 2) }),
      encryptionKeys: this.o.keys,
      format: 'armored',
      config: { showComment: true, commentString: chainComment(link) },
    })) as string;
    // Names must sort in write order, and never clash with another process's: a later microsecond if taken.
    let micros = Math.max(Math.round((performance.timeOrigin + performance.now()) * 1000), this.lastMicros + 1);
    let name = auditFileName(event.type, micros);
    while (!(await createDurably(join(this.o.dir, name), armored))) name = auditFileName(event.type, ++micros);
    this.lastMicros = micros;
    const sha256 = createHash('sha256').update(armored).digest('hex');
    // The record is stored: the chain moves on now, whatever happens to the head file.
    this.seq = link.seq;
    this.prev = sha256;
    this.pendingHead = { chain: this.chain, seq: link.seq, sha256, file: name };
    if (this.o.metrics.enabled) this.o.metrics.auditRecords.inc({ type: event.type });
  }

  private async writeHead(): Promise<void> {
    if (this.pendingHead === null) return;
    await replaceDurably(join(this.o.dir, CHAIN_DIR, `${this.chain}.json`), JSON.stringify(this.pendingHead));
    this.pendingHead = null;
  }

  private gauge(): void {
    if (this.o.metrics.enabled) this.o.metrics.auditQueue.set(this.queue.length);
  }
}
