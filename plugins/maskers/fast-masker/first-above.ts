/** The first index below `count` whose value exceeds `at`, in values sorted ascending (`count` when none does). */
export function firstAbove(values: ArrayLike<number>, count: number, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
