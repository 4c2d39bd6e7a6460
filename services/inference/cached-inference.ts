import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ServiceMetrics } from '../http/service-metrics.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * One model's results by text: texts seen before come from an LRU cache keyed by the SHA-256 of the text
 * (so the cache holds no text as a key), the rest go to the workers in one batch.
 */
export class CachedInference<T extends object> {
  private readonly cache: LRUCache<string, T> | null;

  constructor(
    private readonly key: string,
    private readonly pool: WorkerPool,
    cacheSize: number,
    private readonly metrics: ServiceMetrics,
  ) {
    this.cache = cacheSize > 0 ? new LRUCache({ max: cacheSize }) : null;
  }

  async run(texts: readonly string[]): Promise<T[]> {
    const hashes = texts.map((t) => createHash('sha256').update(t).digest('base64'));
    const out: Array<T | undefined> = hashes.map((h) => this.cache?.get(h));
    const missing = [...new Set(texts.filter((_, i) => out[i] === undefined))];
    this.metrics.cacheHits.inc({ service: this.key }, texts.length - out.filter((x) => x === undefined).length);
    this.metrics.cacheMisses.inc({ service: this.key }, missing.length);
    if (missing.length > 0) {
      const stop = this.metrics.inferenceSeconds.startTimer({ service: this.key });
      const results = (await this.pool.run(this.key, missing)) as T[];
      stop();
      const byText = new Map(missing.map((t, i) => [t, results[i]!]));
      texts.forEach((t, i) => {
        if (out[i] !== undefined) return;
        out[i] = byText.get(t)!;
        this.cache?.set(hashes[i]!, out[i]!);
      });
    }
    return out as T[];
  }
}
