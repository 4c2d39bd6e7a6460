import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InferenceOutput, WorkerReply, WorkerSetup } from './messages.js';

interface Pending {
  resolve(output: InferenceOutput): void;
  reject(err: Error): void;
}

/**
 * Inference in worker threads, so the HTTP thread stays free (pings answer during a long batch). Each worker
 * loads every model; a task goes to the worker with the fewest tasks in flight.
 */
export class WorkerPool {
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending> }> = [];
  private nextId = 1;

  private constructor() {}

  static async start(size: number, setup: WorkerSetup): Promise<WorkerPool> {
    const pool = new WorkerPool();
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn(setup)));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  run(key: string, texts: readonly string[]): Promise<InferenceOutput> {
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, key, texts });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private spawn(setup: WorkerSetup): Promise<void> {
    const worker = new Worker(join(import.meta.dirname, 'inference-worker.js'), { workerData: setup });
    const slot = { worker, pending: new Map<number, Pending>() };
    this.workers.push(slot);
    return new Promise((ready, failed) => {
      worker.on('message', (r: WorkerReply) => {
        if (r.kind === 'ready') return ready();
        if (r.kind === 'failed') return failed(new Error(r.message));
        const p = slot.pending.get(r.id);
        slot.pending.delete(r.id);
        if (r.kind === 'done') p?.resolve(r.output);
        else p?.reject(new Error(r.message));
      });
      // A worker that dies takes its tasks with it: they fail rather than hang.
      worker.on('error', (err) => {
        failed(err);
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
      });
    });
  }
}
