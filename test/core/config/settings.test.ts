import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSettings } from '../../../core/config/settings.js';
import { StartupError } from '../../../core/errors/startup-error.js';

describe('settings from the environment', () => {
  it('uses the reference defaults', () => {
    const s = loadSettings({});
    assert.equal(s.prefix, '/api');
    assert.equal(s.port, 8080);
    assert.equal(s.upstreamTimeoutMs, 300_000);
    assert.equal(s.maxBodyBytes, 10 * 1024 * 1024);
    assert.equal(s.defaultLanguage, 'pl');
    assert.equal(s.balanceStrategy, 'balanced');
    assert.equal(s.prometheus, false);
    assert.equal(s.redis, null);
    assert.ok(Object.isFrozen(s) && Object.isFrozen(s.log));
  });

  for (const word of ['true', '1', 't', 'y', 'yes', 'tak', 'TAK', ' Yes ']) {
    it(`reads ${JSON.stringify(word)} as true`, () =>
      assert.equal(loadSettings({ LLM_ROUTER_USE_PROMETHEUS: word }).prometheus, true));
  }
  for (const word of ['false', '0', 'no', 'nie', '']) {
    it(`reads ${JSON.stringify(word)} as false`, () =>
      assert.equal(loadSettings({ LLM_ROUTER_USE_PROMETHEUS: word }).prometheus, false));
  }

  it('normalises the prefix and allows it empty', () => {
    assert.equal(loadSettings({ LLM_ROUTER_EP_PREFIX: 'router/' }).prefix, '/router');
    assert.equal(loadSettings({ LLM_ROUTER_EP_PREFIX: '' }).prefix, '');
    assert.equal(loadSettings({ LLM_ROUTER_EP_PREFIX: '/' }).prefix, '');
  });

  it('turns LLM_ROUTER_IN_DEBUG into the debug level and reads Redis settings', () => {
    const s = loadSettings({ LLM_ROUTER_IN_DEBUG: '1', LLM_ROUTER_REDIS_HOST: 'cache', LLM_ROUTER_REDIS_DB: '3' });
    assert.equal(s.log.level, 'debug');
    assert.deepEqual(s.redis, {
      host: 'cache',
      port: 6379,
      db: 3,
      password: '',
      prefix: 'llm-router:',
      timeoutMs: 2000,
      failMode: 'refuse',
      startupRetryMs: 0,
    });
  });

  it('names the variable and what it accepts on a bad value', () => {
    assert.throws(
      () => loadSettings({ LLM_ROUTER_EXTERNAL_TIMEOUT: '-5' }),
      (e: unknown) =>
        e instanceof StartupError && /LLM_ROUTER_EXTERNAL_TIMEOUT="-5".*seconds from 0\.001/.test(e.message),
    );
    assert.throws(
      () => loadSettings({ LLM_ROUTER_LOG_LEVEL: 'loud' }),
      /LLM_ROUTER_LOG_LEVEL.*error, warn, info, debug/,
    );
  });
});
