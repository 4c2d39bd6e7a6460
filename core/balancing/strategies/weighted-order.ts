import type { ProviderConfig } from '../../config/models-config.js';

/** An order drawn by weight without replacement: the first is picked with probability weight / total. */
export function weightedOrder(
  candidates: readonly ProviderConfig[],
  weightOf: (p: ProviderConfig) => number,
  random = Math.random,
): ProviderConfig[] {
  const pool = candidates.map((p) => ({ p, w: Math.max(0, weightOf(p)) }));
  if (pool.every((x) => x.w === 0)) pool.forEach((x) => (x.w = 1));
  const out: ProviderConfig[] = [];
  while (pool.length) {
    const total = pool.reduce((s, x) => s + x.w, 0);
    let r = random() * total;
    let i = 0;
    while (i < pool.length - 1 && (r -= pool[i]!.w) >= 0) i++;
    out.push(pool.splice(i, 1)[0]!.p);
    if (pool.every((x) => x.w === 0)) pool.forEach((x) => (x.w = 1));
  }
  return out;
}
