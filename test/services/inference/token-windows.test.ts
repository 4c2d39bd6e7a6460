import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownerWindow, tokenWindows } from '../../../services/inference/token-windows.js';

describe('token windows', () => {
  it('keeps a short text whole', () => {
    assert.deepEqual(tokenWindows(10, 64), [[0, 10]]);
  });

  it('uses the reference windows at full size: 500 tokens, 200 shared with the next', () => {
    const w = tokenWindows(1200, 514);
    assert.deepEqual(w.slice(0, 2), [
      [0, 500],
      [300, 800],
    ]);
    assert.deepEqual(w.at(-1)![1], 1200);
  });

  it('covers every token, and every window but the first starts inside the previous one', () => {
    for (const n of [63, 64, 100, 1000]) {
      const w = tokenWindows(n, 64);
      assert.equal(w[0]![0], 0);
      assert.equal(w.at(-1)![1], n);
      for (let i = 1; i < w.length; i++) assert.ok(w[i]![0] < w[i - 1]![1] && w[i]![0] > w[i - 1]![0]);
      for (const [s, e] of w) assert.ok(e - s <= 62);
    }
  });

  it('gives each token to the window where it sits farthest from an edge', () => {
    const w = tokenWindows(100, 64); // [0,62], [37,99], [74,100]
    assert.equal(ownerWindow(w, 5), 0);
    assert.equal(ownerWindow(w, 61), 1);
    assert.equal(ownerWindow(w, 95), 2);
  });
});
