import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Hit } from './nearest.js';

type Reply = { id: number; hits?: Hit[]; error?: string };

/**
 * A faiss index searched in a worker thread: faiss-node searches synchronously, so a large index searched on the
 * request thread would stall every other request for the search's duration (about 4 ms per 10k vectors of 384
 * dimensions here). The worker reads its own copy of the file; the round trip costs about 0.13 ms.
 */
export class SearchThread {
  private readonly pending = new Map<number, { resolve(h: Hit[]): void; reject(e: Error): void }>();
  private next = 1;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (r.error !== undefined) p?.reject(new Error(r.error));
      else p?.resolve(r.hits ?? []);
    });
    worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  static open(path: string): Promise<SearchThread> {
    const worker = new Worker(join(import.meta.dirname, 'search-worker.js'), { workerData: { path } });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(new SearchThread(worker)));
      worker.once('error', reject);
    });
  }

  search(vector: readonly number[], k: number): Promise<Hit[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, vector, k });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
