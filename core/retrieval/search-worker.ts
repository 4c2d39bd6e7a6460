import { parentPort, workerData } from 'node:worker_threads';
import { FaissIndex } from './faiss-index.js';

/** The other end of SearchThread: one faiss index, read from its file, searched on request. */
const index = FaissIndex.read((workerData as { path: string }).path);
parentPort!.postMessage({ ready: true, size: index.size });
parentPort!.on('message', ({ id, vector, k }: { id: number; vector: number[]; k: number }) => {
  try {
    parentPort!.postMessage({ id, hits: index.search(vector, k) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
