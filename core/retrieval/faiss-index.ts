import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StartupError } from '../errors/startup-error.js';
import type { Hit, VectorSearch } from './nearest.js';

interface FaissIndexFlatIP {
  ntotal(): number;
  getDimension(): number;
  add(x: number[]): void;
  search(x: number[], k: number): { distances: number[]; labels: number[] };
  write(path: string): void;
}
interface FaissModule {
  IndexFlatIP: { new (d: number): FaissIndexFlatIP; read(path: string): FaissIndexFlatIP };
}

export const FAISS_BUILD_COMMAND = 'apt-get install libfaiss-dev && bash scripts/faiss/build-faiss-node.sh';

let faiss: FaissModule | null = null;

/** faiss-node's addon, built by scripts/faiss/build-faiss-node.sh; when it is not built, start-up says how. */
function faissNode(): FaissModule {
  if (faiss) return faiss;
  try {
    faiss = createRequire(import.meta.url)('faiss-node') as FaissModule;
    return faiss;
  } catch (err) {
    throw new StartupError(
      `faiss-node is not built (${(err as Error).message.split('\n')[0]}); build it with: ${FAISS_BUILD_COMMAND}`,
    );
  }
}

/**
 * A faiss `IndexFlatIP` through faiss-node: exact inner product over L2-normalised vectors, written as
 * `index.faiss` in faiss's own format (Python's `faiss.read_index` reads it). faiss-node searches on the
 * calling thread, so a search blocks the event loop for its duration: about 4 ms per 10k vectors of 384
 * dimensions with Debian's generic build (docs/BENCHMARKS.md). Large collections are therefore searched in a
 * worker thread (ChunkCollection.offload); far beyond 100k chunks (40 ms a search) they belong in a vector store.
 */
export class FaissIndex implements VectorSearch {
  private constructor(private readonly index: FaissIndexFlatIP) {}

  static create(dimension: number): FaissIndex {
    return new FaissIndex(new (faissNode().IndexFlatIP)(dimension));
  }

  static read(path: string): FaissIndex {
    return new FaissIndex(faissNode().IndexFlatIP.read(path));
  }

  get size(): number {
    return this.index.ntotal();
  }

  get dimension(): number {
    return this.index.getDimension();
  }

  add(vectors: readonly (readonly number[])[]): void {
    if (vectors.length === 0) return;
    const flat: number[] = [];
    for (const v of vectors) {
      if (v.length !== this.dimension)
        throw new Error(`a vector of ${v.length} dimensions in an index of ${this.dimension}`);
      for (const x of v) flat.push(x);
    }
    this.index.add(flat);
  }

  /** faiss-node throws when k exceeds the index size, so k is clamped; an empty index finds nothing. */
  search(query: readonly number[], k: number): Hit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const { distances, labels } = this.index.search([...query], n);
    const hits: Hit[] = [];
    labels.forEach((id, i) => {
      if (id >= 0) hits.push({ id, score: distances[i]! });
    });
    return hits;
  }

  /** Written beside and renamed into place, so a reader never sees half an index. */
  write(path: string): void {
    const tmp = `${path}.${process.pid}.tmp`;
    this.index.write(tmp);
    renameSync(tmp, path);
  }
}
