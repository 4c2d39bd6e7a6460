import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lifecycle } from '../../../core/lifecycle/lifecycle.js';
import { createLogger } from '../../../core/logging/logger.js';
import { until } from '../../support/until.js';

const logger = createLogger({ level: 'error', json: false, file: null });

describe('Lifecycle', () => {
  it('starts components in the order they registered and stops them newest first', async () => {
    const seen: string[] = [];
    const lifecycle = new Lifecycle(logger);
    for (const name of ['store', 'client', 'server'])
      lifecycle.register(name, {
        start: () => void seen.push(`start ${name}`),
        stop: async () => void seen.push(`stop ${name}`),
      });
    lifecycle.start();
    await lifecycle.stop();
    assert.deepEqual(seen, ['start store', 'start client', 'start server', 'stop server', 'stop client', 'stop store']);
  });

  it('starts a component registered after start at once', () => {
    const lifecycle = new Lifecycle(logger);
    lifecycle.start();
    let started = false;
    lifecycle.register('late', {
      start: () => {
        started = true;
      },
    });
    assert.ok(started);
  });

  it('goes on past a stop hook that fails or hangs', async () => {
    const seen: string[] = [];
    const lifecycle = new Lifecycle(logger);
    lifecycle.register('first', { stop: () => void seen.push('first') });
    lifecycle.register('hangs', { stop: () => new Promise(() => {}) });
    lifecycle.register('fails', {
      stop: () => {
        throw new Error('broken');
      },
    });
    await lifecycle.stop(50);
    assert.deepEqual(seen, ['first']);
  });

  it('runs a periodic task from start to stop, never two runs at once', async () => {
    const lifecycle = new Lifecycle(logger);
    let runs = 0;
    let running = 0;
    let overlapped = false;
    let release: () => void = () => {};
    lifecycle.every(
      'probe',
      5,
      async () => {
        runs++;
        running++;
        overlapped ||= running > 1;
        await new Promise<void>((r) => (release = r));
        running--;
      },
      { immediate: true },
    );
    assert.equal(runs, 0, 'nothing runs before start');
    lifecycle.start();
    assert.equal(runs, 1, 'an immediate task runs at start');
    // Several intervals pass while the first run is held.
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(runs, 1);
    release();
    await until('a second run', () => runs >= 2);
    await lifecycle.stop();
    release();
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(runs, after, 'no run after stop');
    assert.ok(!overlapped);
  });

  it('never runs a task whose interval is zero', () => {
    const lifecycle = new Lifecycle(logger);
    let runs = 0;
    lifecycle.every('off', 0, async () => void runs++, { immediate: true });
    lifecycle.start();
    assert.equal(runs, 0);
  });
});
