import type { Hit, VectorSearch } from './nearest.js';

/**
 * An exact inner-product search over vectors kept in one Float32Array, for small indexes (the routing targets:
 * about a hundred vectors). At that size a loop of dot products beats a call into faiss-node (see
 * docs/BENCHMARKS.md) and needs no native addon.
 */
export class FlatIndex implements VectorSearch {
  private data: Float32Array;
  size = 0;

  constructor(readonly dimension: number) {
    this.data = new Float32Array(dimension * 16);
  }

  add(vectors: readonly (readonly number[])[]): void {
    for (const v of vectors) {
      if (v.length !== this.dimension)
        throw new Error(`a vector of ${v.length} dimensions in an index of ${this.dimension}`);
      if ((this.size + 1) * this.dimension > this.data.length) {
        const grown = new Float32Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      this.data.set(v, this.size * this.dimension);
      this.size++;
    }
  }

  search(query: readonly number[], k: number): Hit[] {
    const d = this.dimension;
    const hits: Hit[] = [];
    for (let i = 0; i < this.size; i++) {
      let score = 0;
      const base = i * d;
      for (let j = 0; j < d; j++) score += this.data[base + j]! * query[j]!;
      hits.push({ id: i, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, Math.max(0, k));
  }
}
