/**
 * Balancing: requests/s and p99 through the gateway with three backends under each strategy, with the
 * memory and the Redis store; then what a client sees while one of three backends dies under load.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 5);
const STRATEGIES = ['balanced', 'weighted', 'dynamic_weighted', 'first_available', 'first_available_optim'];
const BODY = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'What is the capital of Poland?' }] });

async function gateway(config: string, env: Record<string, string>): Promise<Started> {
  return startProcess(
    [join(ROOT, 'dist', 'core', 'main.js')],
    {
      LLM_ROUTER_MODELS_CONFIG: config,
      LLM_ROUTER_SERVER_PORT: '0',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '30',
      ...env,
    },
    /listening on (http:\/\/[\d.:]+)/,
  );
}

async function run(url: string, connections: number) {
  const opts = {
    url: `${url}/v1/chat/completions`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections,
  };
  await autocannon({ ...opts, duration: 1 });
  const r = await autocannon({ ...opts, duration: DURATION_S });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** One of three backends is killed a third into the run; every request's latency and status is kept. */
async function failure(
  config: string,
  backends: Started[],
): Promise<{ requests: number; errors: number; p50: number; p99: number; max: number; normalMax: number }> {
  const gw = await gateway(config, {
    LLM_ROUTER_CIRCUIT_BREAKER_FAILURES: '2',
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '1',
  });
  const samples: Array<{ at: number; ms: number; ok: boolean }> = [];
  const started = Date.now();
  const end = started + 6000;
  setTimeout(() => stopProcess(backends[1]), 2000);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        const res = await fetch(`${gw.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: BODY,
        }).catch(() => null);
        if (res) await res.arrayBuffer();
        samples.push({ at: Date.now() - started, ms: performance.now() - t, ok: res?.status === 200 });
      }
    }),
  );
  stopProcess(gw);
  const after = samples
    .filter((s) => s.at >= 2000)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const before = samples.filter((s) => s.at < 2000).map((s) => s.ms);
  const q = (x: number) => after[Math.min(after.length - 1, Math.floor(x * after.length))] ?? 0;
  return {
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    p50: q(0.5),
    p99: q(0.99),
    max: after.at(-1) ?? 0,
    normalMax: Math.max(...before),
  };
}

async function main(): Promise<void> {
  const started: Started[] = [];
  const prefix = `llm-router-bench:${randomUUID()}:`;
  const rows: Array<{ strategy: string; store: string; c: number; rps: number; p99: number; errors: number }> = [];
  try {
    const backends = await Promise.all(
      [0, 1, 2].map(() =>
        startProcess(
          [join(ROOT, 'dist', 'bench', 'support', 'fake-upstream-server.js')],
          {},
          /listening on (http:\/\/[\d.:]+)/,
        ),
      ),
    );
    started.push(...backends);
    const dir = mkdtempSync(join(tmpdir(), 'llm-router-bench-'));
    const config = join(dir, 'models-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        g: { m: { providers: backends.map((b, i) => ({ id: `p${i + 1}`, api_host: b.url, api_type: 'openai' })) } },
        active_models: { g: ['m'] },
      }),
    );
    for (const strategy of STRATEGIES) {
      for (const store of ['memory', 'redis']) {
        const env: Record<string, string> = { LLM_ROUTER_BALANCE_STRATEGY: strategy };
        // A prefix per run: the previous gateway was killed, and its leases rightly hold until their TTL.
        if (store === 'redis')
          Object.assign(env, {
            LLM_ROUTER_REDIS_HOST: '127.0.0.1',
            LLM_ROUTER_REDIS_KEY_PREFIX: `${prefix}${strategy}:`,
          });
        const gw = await gateway(config, env);
        for (const c of [1, 32]) rows.push({ strategy, store, c, ...(await run(gw.url, c)) });
        stopProcess(gw);
        console.error(`  ${strategy} / ${store} done`);
      }
    }
    const f = await failure(config, backends);
    console.log(
      `\nBalancing — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, 3 backends, ${DURATION_S}s per run\n`,
    );
    console.log('| strategy | store | concurrency | req/s | p99 ms | errors |\n|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(`| ${r.strategy} | ${r.store} | ${r.c} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.errors} |`);
    console.log('\nOne of three backends killed 2 s into a 6 s run at 8 connections (balanced, memory store):\n');
    console.log(
      '| requests | client errors | p50 ms after the kill | p99 ms after the kill | slowest ms after | slowest ms before |\n|---|---|---|---|---|---|',
    );
    console.log(
      `| ${f.requests} | ${f.errors} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(1)} | ${f.normalMax.toFixed(1)} |`,
    );
  } finally {
    started.forEach(stopProcess);
    const redis = new Redis({ host: '127.0.0.1', port: 6379 });
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
