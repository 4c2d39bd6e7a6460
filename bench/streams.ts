/**
 * Many concurrent streams through one provider (issue 14): LLM Router against a bare node:http + undici proxy in
 * the same run, same streaming backend (64 deltas, 20 ms apart). Reports errors, time to first byte, stalled
 * streams (a gap of more than 1 s between chunks) and the proxy's peak RSS.
 * BENCH_STREAMS (default 4096) sets how many streams are opened at once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const STREAMS = Number(process.env['BENCH_STREAMS'] ?? 4096);
const STALL_MS = 1000;

interface Result {
  target: string;
  ok: number;
  errors: number;
  ttfb: number[];
  stalled: number;
  seconds: number;
  rssMb: number;
}

const peakRssMb = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

async function run(target: string, server: Started): Promise<Result> {
  const dispatcher = new Agent({
    connections: null,
    keepAliveTimeout: 60_000,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'Count.' }] });
  const started = performance.now();
  const ttfb: number[] = [];
  let ok = 0;
  let errors = 0;
  let stalled = 0;
  await Promise.all(
    Array.from({ length: STREAMS }, async () => {
      const t0 = performance.now();
      try {
        const res = await request(`${server.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          dispatcher,
        });
        if (res.statusCode !== 200) {
          errors++;
          await res.body.dump();
          return;
        }
        let first = true;
        let last = performance.now();
        let text = '';
        let stall = false;
        for await (const c of res.body) {
          const now = performance.now();
          if (first) ttfb.push(now - t0);
          else if (now - last > STALL_MS) stall = true;
          first = false;
          last = now;
          text += c.toString();
        }
        if (!text.includes('[DONE]')) errors++;
        else ok++;
        if (stall) stalled++;
      } catch {
        errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  return {
    target,
    ok,
    errors,
    ttfb: ttfb.sort((a, b) => a - b),
    stalled,
    seconds,
    rssMb: peakRssMb(server.child.pid!),
  };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

async function main(): Promise<void> {
  const started: Started[] = [];
  try {
    const upstream = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'stream-upstream-server.js')],
      {},
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(upstream);
    const bare = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'bare-stream-proxy.js')],
      { UPSTREAM_URL: upstream.url },
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(bare);
    const config = join(mkdtempSync(join(tmpdir(), 'llm-router-bench-')), 'models-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        b: {
          'bench-model': {
            providers: [{ id: 'u', api_host: upstream.url, api_type: 'openai', max_connections: 65_536 }],
          },
        },
        active_models: { b: ['bench-model'] },
      }),
    );
    const gateway = await startProcess(
      [join(ROOT, 'dist', 'core', 'main.js')],
      {
        LLM_ROUTER_MODELS_CONFIG: config,
        LLM_ROUTER_SERVER_PORT: '0',
        LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '1',
      },
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(gateway);
    const results = [await run('bare node:http + undici proxy', bare), await run('LLM Router', gateway)];
    console.log(
      `\nStreams — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${STREAMS} concurrent streams of 64 deltas 20 ms apart\n`,
    );
    console.log('| target | ok | errors | TTFB p50 ms | TTFB p99 ms | stalled (> 1 s gap) | wall s | peak RSS MB |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of results)
      console.log(
        `| ${r.target} | ${r.ok} | ${r.errors} | ${pct(r.ttfb, 0.5).toFixed(0)} | ${pct(r.ttfb, 0.99).toFixed(0)} | ${r.stalled} | ${r.seconds.toFixed(1)} | ${r.rssMb.toFixed(0)} |`,
      );
    const [b, g] = results as [Result, Result];
    console.log(
      `\nLLM Router ÷ bare: TTFB p99 ${(pct(g.ttfb, 0.99) / pct(b.ttfb, 0.99)).toFixed(2)} ×, stalled ${b.stalled ? (g.stalled / b.stalled).toFixed(2) : g.stalled === 0 ? '0 = 0' : `${g.stalled} vs 0`}`,
    );
  } finally {
    started.forEach(stopProcess);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
