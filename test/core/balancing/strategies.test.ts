import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { healthKey } from '../../../core/balancing/provider-health.js';
import { BalancedStrategy } from '../../../core/balancing/strategies/balanced.js';
import { DynamicWeightedStrategy } from '../../../core/balancing/strategies/dynamic-weighted.js';
import { FirstAvailableStrategy } from '../../../core/balancing/strategies/first-available.js';
import { FirstAvailableOptimStrategy } from '../../../core/balancing/strategies/first-available-optim.js';
import { WeightedStrategy } from '../../../core/balancing/strategies/weighted.js';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { Metrics } from '../../../core/metrics/metrics.js';
import { cleanUp, modelWith, never, openStore, STORES, selectorWith } from './selector-fixture.js';

after(cleanUp);

for (const kind of STORES) {
  describe(`strategies on the ${kind} store`, () => {
    it('balanced: the least busy provider, counted from live leases', async () => {
      const { selector } = await selectorWith(new BalancedStrategy(), await openStore(kind));
      const model = modelWith([1, 1, 1]);
      const held = [await selector.acquire(model, never, new Set()), await selector.acquire(model, never, new Set())];
      assert.notEqual(held[0]!.provider.id, held[1]!.provider.id);
      const third = await selector.acquire(model, never, new Set());
      assert.ok(!held.some((l) => l.provider.id === third.provider.id), 'the idle one');
      held[0]!.release();
      const fourth = await selector.acquire(model, never, new Set());
      assert.equal(fourth.provider.id, held[0]!.provider.id, 'the one that became idle');
      for (const l of [held[1]!, third, fourth]) l.release();
    });

    it('weighted: shares follow the weights, weight 0 never wins', async () => {
      const { selector } = await selectorWith(new WeightedStrategy(), await openStore(kind));
      const model = modelWith([1, 0.5, 0]);
      const wins = new Map<string, number>();
      for (let i = 0; i < 600; i++) {
        const lease = await selector.acquire(model, never, new Set());
        wins.set(lease.provider.id, (wins.get(lease.provider.id) ?? 0) + 1);
        lease.release();
      }
      assert.equal(wins.get('p3') ?? 0, 0);
      const ratio = (wins.get('p1') ?? 0) / (wins.get('p2') ?? 1);
      assert.ok(ratio > 1.5 && ratio < 2.7, `p1:p2 = ${ratio}`);
    });

    it('dynamic_weighted: a slow or failing provider gets less, bounded, and recovers', async () => {
      const strategy = new DynamicWeightedStrategy(new Metrics(false));
      const { selector } = await selectorWith(strategy, await openStore(kind));
      const model = modelWith([1, 1]);
      const [p1, p2] = model.providers;
      for (let i = 0; i < 20; i++) {
        strategy.observe(p1!, { ok: true, latencyMs: 50 });
        strategy.observe(p2!, { ok: true, latencyMs: 500 });
      }
      let w = strategy.weights(model.providers);
      assert.ok(w.get('p1')! > 5 * w.get('p2')!, `fast ${w.get('p1')} vs slow ${w.get('p2')}`);
      for (let i = 0; i < 20; i++) strategy.observe(p1!, { ok: false, latencyMs: 50 });
      w = strategy.weights(model.providers);
      assert.ok(w.get('p1')! < w.get('p2')!, 'errors outweigh speed');
      assert.ok(w.get('p1')! >= 0.05 && w.get('p2')! >= 0.05, 'bounded: nobody drops out');
      for (let i = 0; i < 30; i++) strategy.observe(p1!, { ok: true, latencyMs: 50 });
      assert.ok(strategy.weights(model.providers).get('p1')! > 0.5, 'recovers');
      const counts = { p1: 0, p2: 0 };
      for (let i = 0; i < 200; i++) {
        const lease = await selector.acquire(model, never, new Set());
        counts[lease.provider.id as 'p1' | 'p2']++;
        lease.release();
      }
      assert.ok(counts.p1 > counts.p2 * 3, JSON.stringify(counts));
    });

    it('first_available: one request per provider, then a bounded wait ending in 503 with Retry-After', async () => {
      const { selector } = await selectorWith(new FirstAvailableStrategy(), await openStore(kind));
      const model = modelWith([1, 1]);
      const a = await selector.acquire(model, never, new Set());
      const b = await selector.acquire(model, never, new Set());
      assert.deepEqual([a.provider.id, b.provider.id], ['p1', 'p2']);
      const started = Date.now();
      await assert.rejects(
        selector.acquire(model, never, new Set()),
        (e: unknown) => e instanceof GatewayError && e.status === 503 && e.headers['retry-after'] === '1',
      );
      assert.ok(Date.now() - started >= 250, 'it waited');
      const waiting = selector.acquire(model, never, new Set());
      setTimeout(() => a.release(), 100);
      const w = await waiting;
      assert.equal(w.provider.id, 'p1', 'a released provider goes to the waiting request');
      a.release();
      await assert.rejects(
        selector.acquire(model, never, new Set()),
        /all busy/,
        "a second release of a's lease must not free the waiter's",
      );
      w.release();
      b.release();
    });

    it('first_available_optim: stays on the host that served the model', async () => {
      const store = await openStore(kind);
      const { selector } = await selectorWith(new FirstAvailableOptimStrategy(store), store);
      const model = modelWith([1, 1, 1]);
      const first = await selector.acquire(model, never, new Set(['p1']));
      assert.equal(first.provider.id, 'p2');
      first.release();
      assert.equal((await selector.acquire(model, never, new Set())).provider.id, 'p2', 'affinity beats config order');
    });

    it('skips providers marked down and open circuits; none left is a 503', async () => {
      const store = await openStore(kind);
      const { selector, breaker } = await selectorWith(new BalancedStrategy(), store, {
        LLM_ROUTER_CIRCUIT_BREAKER_FAILURES: '2',
      });
      const model = modelWith([1, 1]);
      await store.put(healthKey(model.providers[0]!), 'down', 10_000);
      for (let i = 0; i < 5; i++) {
        const l = await selector.acquire(model, never, new Set());
        assert.equal(l.provider.id, 'p2');
        l.release();
      }
      breaker.failure('p2');
      breaker.failure('p2');
      await assert.rejects(
        selector.acquire(model, never, new Set()),
        (e: unknown) =>
          e instanceof GatewayError && e.code === 'no_provider_available' && Number(e.headers['retry-after']) >= 1,
      );
    });
  });
}
