import type { ProviderConfig } from '../../config/models-config.js';

/** An order drawn by weight without replacement: the first is picked with probability weight / total. */
export function weightedOrder(
  candidates: readonly ProviderConfig[],
  weightOf: (p: ProviderConfig) => number,
  random = Math.random,
): ProviderConfig[] {
  const pool = candidates.map((p) => ({ p, w: Math.max(0, weightOf(p)) }));
  // All weights zero: an even draw.
  const evenIfAllZero = () => {
    if (pool.every((x) => x.w === 0)) for (const x of pool) x.w = 1;
  };
  evenIfAllZero();
  const out: ProviderConfig[] = [];
  while (pool.length) {
    const total = pool.reduce((s, x) => s + x.w, 0);
    let r = random() * total;
    let i = 0;
    for (; i < pool.length - 1; i++) {
      r -= pool[i]!.w;
      if (r < 0) break;
    }
    out.push(pool.splice(i, 1)[0]!.p);
    evenIfAllZero();
  }
  return out;
}
