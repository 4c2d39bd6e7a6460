/**
 * Many concurrent streams through one provider (issue 14): LLM Router against a bare node:http + undici proxy
 * and against the same proxy behind Express 5 and its JSON parser (what Express itself costs), in the same run,
 * same streaming backend (64 deltas, 20 ms apart). Reports errors, time to first byte, stalled streams (a gap
 * of more than 1 s between chunks) and the proxy's peak RSS.
 * BENCH_STREAMS (default 4096) sets how many streams are opened at once, BENCH_ROUNDS (default 5) how many
 * rounds of all three are run, rotating which goes first; the ratios are of the medians.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const STREAMS = Number(process.env['BENCH_STREAMS'] ?? 4096);
const STALL_MS = 1000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

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

/** A fresh proxy or gateway process, warmed by one stream (what it loads on its first request is not measured). */
type Kind = 'bare' | 'express' | 'gateway';
const NAMES: Record<Kind, string> = {
  bare: 'bare node:http + undici proxy',
  express: 'the same behind Express 5 + express.json',
  gateway: 'LLM Router',
};

async function startTarget(kind: Kind, upstreamUrl: string, config: string): Promise<Started> {
  const proxy = kind === 'bare' ? 'bare-stream-proxy.js' : 'express-stream-proxy.js';
  const target =
    kind !== 'gateway'
      ? await startProcess(
          [join(ROOT, 'dist', 'bench', 'support', proxy)],
          { UPSTREAM_URL: upstreamUrl },
          /listening on (http:\/\/[\d.:]+)/,
        )
      : await startProcess(
          [join(ROOT, 'dist', 'core', 'main.js')],
          {
            LLM_ROUTER_MODELS_CONFIG: config,
            LLM_ROUTER_SERVER_PORT: '0',
            LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '1',
          },
          /listening on (http:\/\/[\d.:]+)/,
        );
  const res = await request(`${target.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'Warm up.' }] }),
  });
  await res.body.text();
  return target;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const started: Started[] = [];
  try {
    const upstream = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'stream-upstream-server.js')],
      {},
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(upstream);
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
    // Rounds rotate which target goes first, each on fresh processes: one round of this load is bistable
    // here (the same build's p99 has ranged 4–15 s), so a single pair says little.
    const rows: Array<Result & { round: number }> = [];
    const kinds: Kind[] = ['bare', 'gateway', 'express'];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = [...kinds.slice((round - 1) % 3), ...kinds.slice(0, (round - 1) % 3)];
      for (const kind of order) {
        const target = await startTarget(kind, upstream.url, config);
        started.push(target);
        rows.push({ round, ...(await run(NAMES[kind], target)) });
        stopProcess(target);
      }
    }
    console.log(
      `\nStreams — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${STREAMS} concurrent streams of 64 deltas 20 ms apart, ${ROUNDS} rounds\n`,
    );
    console.log(
      '| round | target | ok | errors | TTFB p50 ms | TTFB p99 ms | stalled (> 1 s gap) | wall s | peak RSS MB |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.round} | ${r.target} | ${r.ok} | ${r.errors} | ${pct(r.ttfb, 0.5).toFixed(0)} | ${pct(r.ttfb, 0.99).toFixed(0)} | ${r.stalled} | ${r.seconds.toFixed(1)} | ${r.rssMb.toFixed(0)} |`,
      );
    const of = (kind: Kind) => rows.filter((r) => r.target === NAMES[kind]);
    const [bare, express, gateway] = [of('bare'), of('express'), of('gateway')];
    const p99 = (rs: Result[]) => rs.map((r) => pct(r.ttfb, 0.99));
    const stalled = (rs: Result[]) => rs.reduce((n, r) => n + r.stalled, 0);
    const errors = (rs: Result[]) => rs.reduce((n, r) => n + r.errors, 0);
    const versus = (a: Result[], b: Result[], name: string) =>
      `${name}: TTFB p99 of the medians ${(median(p99(a)) / median(p99(b))).toFixed(2)} × (rounds: ${a.map((x, i) => (pct(x.ttfb, 0.99) / pct(b[i]!.ttfb, 0.99)).toFixed(2)).join(', ')})`;
    console.log(`\n${versus(gateway, bare, 'LLM Router ÷ bare')}`);
    console.log(versus(express, bare, 'Express proxy ÷ bare'));
    console.log(versus(gateway, express, 'LLM Router ÷ Express proxy'));
    console.log(
      `errors ${errors(gateway)} / ${errors(express)} / ${errors(bare)}, stalled ${stalled(gateway)} / ${stalled(express)} / ${stalled(bare)} (LLM Router / Express proxy / bare)`,
    );
  } finally {
    started.forEach(stopProcess);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
