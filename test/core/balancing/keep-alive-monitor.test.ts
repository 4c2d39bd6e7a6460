import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FirstAvailableOptimStrategy } from '../../../core/balancing/strategies/first-available-optim.js';
import { parseModelsConfig } from '../../../core/config/models-config.js';
import { MemoryStore } from '../../../core/state/memory-store.js';
import { FakeUpstream } from '../../support/fake-upstream.js';
import { selectorWith } from './selector-fixture.js';

describe('keep-alive monitor', () => {
  const hosts = [new FakeUpstream(), new FakeUpstream()];
  before(() => Promise.all(hosts.map((h) => h.start())));
  after(() => Promise.all(hosts.map((h) => h.stop())));

  it('keeps the model alive on every host it was loaded on, unless another model took the host', async () => {
    const config = parseModelsConfig(
      {
        g: {
          llama: {
            providers: hosts.map((h, i) => ({
              id: `ollama-${i}`,
              api_host: h.url,
              api_type: 'ollama',
              model_path: 'llama3',
              keep_alive: '2s',
            })),
          },
          other: { providers: [{ id: 'other-0', api_host: hosts[0]!.url, api_type: 'ollama' }] },
        },
        active_models: { g: ['llama', 'other'] },
      },
      'test',
    );
    const llama = config.models.get('llama')!;
    const store = new MemoryStore();
    const { selector, keepAlive } = await selectorWith(new FirstAvailableOptimStrategy(store), store);
    const never = new AbortController().signal;
    const a = await selector.acquire(llama, never, new Set());
    const b = await selector.acquire(llama, never, new Set());
    assert.notEqual(a.provider.id, b.provider.id, 'both hosts were used');
    a.release();
    b.release();

    assert.equal(await keepAlive.tick(Date.now() + 1000), 0, 'nothing is due before keep_alive passes');
    assert.equal(await keepAlive.tick(Date.now() + 2100), 2, 'both hosts, not only the last one');
    for (const h of hosts) {
      const ping = h.requests.at(-1)!;
      assert.equal(ping.path, '/api/generate');
      assert.deepEqual(ping.body, { model: 'llama3', keep_alive: '2s', stream: false });
    }

    await store.put(`occupancy:${new URL(hosts[0]!.url).host}`, 'other', 60_000);
    const before0 = hosts[0]!.requests.length;
    assert.equal(await keepAlive.tick(Date.now() + 4300), 1, 'the host another model occupies is left alone');
    assert.equal(hosts[0]!.requests.length, before0);
  });
});
