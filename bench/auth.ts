/**
 * What API keys cost: the gateway's req/s with auth off, on with the file store, and on with the Redis store
 * (with requests and tokens per minute, a concurrency limit and a daily token budget, so every limit is checked;
 * usage is recorded for every answer), at concurrency 1 and 32, in one run against one instant fake backend.
 * Keys are made by the auth CLI, as an operator would.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { CHAT_BODY } from './support/chat-body.js';
import { gatewayRatesByMode, printRates } from './support/gateway-modes.js';

const ROOT = join(import.meta.dirname, '..', '..');

function makeKey(env: Record<string, string>, ...flags: string[]): string {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'dist', 'scripts', 'auth', 'auth-cli.js'), 'key', 'generate', '--name', 'bench', ...flags],
    {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    },
  );
  return out.trim().split('\n').at(-1)!;
}

async function main(): Promise<void> {
  const file = {
    LLM_ROUTER_AUTH_MEMORY_SEED_FILE: join(mkdtempSync(join(tmpdir(), 'llm-router-bench-auth-')), 'keys.json'),
  };
  const prefix = `llm-router-bench:${randomUUID()}:`;
  const redis = {
    LLM_ROUTER_AUTH_KEY_STORE: 'redis',
    LLM_ROUTER_REDIS_HOST: '127.0.0.1',
    LLM_ROUTER_REDIS_KEY_PREFIX: prefix,
  };
  const limits = [
    '--rpm',
    '100000000',
    '--tpm',
    '1000000000',
    '--tokens-per-day',
    '1000000000',
    '--concurrency',
    '10000',
  ];
  const fileKey = makeKey(file);
  const fileLimitedKey = makeKey(file, ...limits);
  const redisKey = makeKey(redis, ...limits);
  const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
  try {
    const rates = await gatewayRatesByMode(
      [
        ['auth off', {}],
        ['auth on, file store', { ...file, LLM_ROUTER_AUTH_ENABLED: '1' }, undefined, bearer(fileKey)],
        [
          'auth on, file store, limits and budgets',
          { ...file, LLM_ROUTER_AUTH_ENABLED: '1' },
          undefined,
          bearer(fileLimitedKey),
        ],
        // The gateway's own state in Redis too: the row to compare the Redis store with.
        ['auth off, Redis state', { LLM_ROUTER_REDIS_HOST: '127.0.0.1', LLM_ROUTER_REDIS_KEY_PREFIX: prefix }],
        [
          'auth on, Redis (keys, limits, budgets, usage, state)',
          { ...redis, LLM_ROUTER_AUTH_ENABLED: '1' },
          undefined,
          bearer(redisKey),
        ],
        // Run again last: the spread between the two auth-off rows is this run's drift (a shared machine).
        ['auth off (again)', {}],
      ],
      () => CHAT_BODY,
    );
    console.log(`\nAPI keys — ${new Date().toISOString().slice(0, 10)}`);
    printRates(rates);
  } finally {
    const r = new Redis({ host: '127.0.0.1', port: 6379 });
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
