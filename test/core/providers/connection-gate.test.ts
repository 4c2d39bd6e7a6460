import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectionGate } from '../../../core/providers/connection-gate.js';

describe('ConnectionGate', () => {
  it('lets `size` requests in, queues the next in order, and hands a freed slot on', async () => {
    const gate = new ConnectionGate(2);
    const signal = new AbortController().signal;
    const a = await gate.acquire(1000, signal);
    const b = await gate.acquire(1000, signal);
    const order: string[] = [];
    const queued = (name: string) =>
      gate.acquire(5000, signal).then((r) => {
        order.push(name);
        return r;
      });
    const c = queued('c');
    const d = queued('d');
    assert.equal(gate.inFlight, 2);
    a!();
    a!(); // releasing twice frees one slot only
    const rc = await c;
    assert.ok(rc);
    assert.deepEqual(order, ['c']);
    b!();
    assert.ok(await d);
    assert.deepEqual(order, ['c', 'd']);
    assert.equal(gate.inFlight, 2);
  });

  it('gives up after the timeout or when the request is aborted, and leaves the queue clean', async () => {
    const gate = new ConnectionGate(1);
    const held = await gate.acquire(1000, new AbortController().signal);
    assert.equal(await gate.acquire(20, new AbortController().signal), null);
    const ac = new AbortController();
    const waiting = gate.acquire(60_000, ac.signal);
    ac.abort();
    assert.equal(await waiting, null);
    held!();
    assert.equal(gate.inFlight, 0);
    assert.ok(await gate.acquire(10, new AbortController().signal));
  });
});
