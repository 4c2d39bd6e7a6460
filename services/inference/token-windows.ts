/** The longest window the reference classifies, and its overlap of 200 at that length (40 %). */
const MAX_WINDOW = 500;
const OVERLAP_SHARE = 0.4;

/**
 * The token windows of a text for a model with `maxPositions` positions (two kept for [CLS] and [SEP]):
 * windows overlap, so a phrase cut by one window's edge is whole in the next.
 */
export function tokenWindows(tokenCount: number, maxPositions: number): Array<[start: number, end: number]> {
  const size = Math.max(1, Math.min(MAX_WINDOW, maxPositions - 2));
  if (tokenCount <= size) return [[0, tokenCount]];
  const stride = Math.max(1, size - Math.round(size * OVERLAP_SHARE));
  const windows: Array<[number, number]> = [];
  for (let start = 0; ; start += stride) {
    const end = Math.min(tokenCount, start + size);
    windows.push([start, end]);
    if (end === tokenCount) return windows;
  }
}

/** Which window judges each token: the one in which it sits farthest from an edge. */
export function ownerWindow(windows: ReadonlyArray<readonly [number, number]>, token: number): number {
  let best = 0;
  let bestMargin = -1;
  windows.forEach(([start, end], i) => {
    if (token < start || token >= end) return;
    const margin = Math.min(token - start, end - 1 - token);
    if (margin > bestMargin) {
      best = i;
      bestMargin = margin;
    }
  });
  return best;
}
