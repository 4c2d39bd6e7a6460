import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryStore } from '../../../core/state/memory-store.js';
import type { StateStore } from '../../../core/state/state-store.js';
import { TestRedisStores } from '../../support/redis-prefix.js';
import { until } from '../../support/until.js';

// Every Redis test uses its own key prefix on the real server at 127.0.0.1:6379, deleted afterwards.
const redisStores = new TestRedisStores();
after(() => redisStores.closeAll());

const stores: Array<[kind: string, make: () => Promise<StateStore>]> = [
  ['memory', async () => new MemoryStore()],
  ['redis', () => redisStores.open()],
];

for (const [kind, make] of stores) {
  describe(`${kind} state store`, () => {
    it('gives at most `capacity` slots and lets a holder re-take its own', async () => {
      const s = await make();
      assert.equal(await s.acquire('p1', 'a', 10_000, 1), true);
      assert.equal(await s.acquire('p1', 'b', 10_000, 1), false);
      assert.equal(await s.acquire('p1', 'a', 10_000, 1), true);
      assert.equal(await s.acquire('p2', 'b', 10_000, 2), true);
      assert.equal(await s.acquire('p2', 'c', 10_000, 2), true);
      assert.equal(await s.acquire('p2', 'd', 10_000, 2), false);
      assert.deepEqual(await s.count(['p1', 'p2', 'none']), [1, 2, 0]);
    });

    it('never revives an expired lease that another holder took, however late the renewal comes', async () => {
      const s = await make();
      assert.equal(await s.acquire('late', 'a', 40, 1), true);
      while ((await s.count(['late']))[0] !== 0) await sleep(10);
      assert.equal(await s.acquire('late', 'b', 10_000, 1), true);
      assert.equal(await s.renew('late', 'a', 10_000), false);
      assert.equal(await s.acquire('late', 'a', 10_000, 1), false, 'b keeps it');
    });

    it('releases exactly once', async () => {
      const s = await make();
      await s.acquire('k', 'a', 10_000, 1);
      assert.equal(await s.release('k', 'a'), true);
      assert.equal(await s.release('k', 'a'), false);
      assert.equal(await s.release('k', 'stranger'), false);
      assert.equal(await s.acquire('k', 'b', 10_000, 1), true);
    });

    it('frees a slot whose holder stopped renewing, and keeps one that renews', async () => {
      const s = await make();
      await s.acquire('dead', 'a', 150, 1);
      await s.acquire('alive', 'a', 150, 1);
      for (let i = 0; i < 4; i++) {
        await sleep(60);
        assert.equal(await s.renew('alive', 'a', 150), true);
      }
      assert.equal(await s.acquire('dead', 'b', 10_000, 1), true, 'the expired lease freed itself');
      assert.equal(await s.acquire('alive', 'b', 10_000, 1), false, 'the renewed lease still holds');
      assert.equal(await s.renew('dead', 'a', 150), false);
    });

    it('keeps values until their TTL', async () => {
      const s = await make();
      await s.put('health:x', 'up', 120);
      assert.deepEqual(await s.get(['health:x', 'health:y']), ['up', null]);
      await sleep(180);
      assert.deepEqual(await s.get(['health:x']), [null]);
    });

    it('adds to counters in one call, reads all fields or the named ones, and lets them expire', async () => {
      const s = await make();
      await s.addCounts([
        { key: 'usage:a', amounts: { requests: 1, cost: 0.25, 'm:1|requests': 1 }, ttlMs: 60_000 },
        { key: 'usage:b', amounts: { tokens: 18 }, ttlMs: 150 },
      ]);
      await s.addCounts([{ key: 'usage:a', amounts: { requests: 1, cost: 0.5 }, ttlMs: 60_000 }]);
      assert.deepEqual(await s.readCounts(['usage:a', 'usage:b', 'usage:none']), [
        { requests: 2, cost: 0.75, 'm:1|requests': 1 },
        { tokens: 18 },
        {},
      ]);
      assert.deepEqual(await s.readCounts(['usage:a'], ['requests', 'tokens']), [{ requests: 2 }]);
      await until('the short-lived counter to expire', async () => {
        const [b] = await s.readCounts(['usage:b']);
        return Object.keys(b ?? {}).length === 0;
      });
    });

    it('announces a release to listeners, also on another connection', async () => {
      const s = await make();
      const heard: string[] = [];
      const stop = s.onRelease((k) => heard.push(k));
      await sleep(50);
      await s.acquire('lease:p1', 'a', 10_000, 1);
      await s.release('lease:p1', 'a');
      await s.release('lease:p1', 'a');
      for (let i = 0; i < 50 && heard.length === 0; i++) await sleep(10);
      assert.deepEqual(heard, ['lease:p1'], 'once, for the release that happened');
      stop();
    });

    it('hands one slot to exactly one of many concurrent takers', async () => {
      const s = await make();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => s.acquire('race', `h${i}`, 10_000, 1)));
      assert.equal(results.filter(Boolean).length, 1);
    });
  });
}
