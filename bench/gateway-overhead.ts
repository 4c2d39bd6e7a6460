/**
 * Gateway overhead: the same load, in the same run, straight to a fake OpenAI backend, through LLM Router and
 * through Portkey's open-source gateway. Prints requests/s (autocannon) and p50/p99 latency (hrtime probe).
 * A bare node:http + undici proxy runs beside them as the ceiling any Node gateway has on this machine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CHAT_BODY } from './support/chat-body.js';
import { probeLatency, type Target } from './support/latency-probe.js';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const WARMUP_S = 2;
const CONCURRENCY = [1, 32];
const PROBE_REQUESTS = Number(process.env['BENCH_PROBE_REQUESTS'] ?? 2000);
const BODY = CHAT_BODY;

interface Row {
  target: string;
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
}

async function throughput(target: Target, connections: number): Promise<number> {
  const run = (duration: number) =>
    autocannon({ url: target.url, method: 'POST', headers: target.headers, body: BODY, connections, duration });
  await run(WARMUP_S);
  const result = await run(DURATION_S);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function main(): Promise<void> {
  const started: Started[] = [];
  try {
    const upstream = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'fake-upstream-server.js')],
      {},
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(upstream);

    const dir = mkdtempSync(join(tmpdir(), 'llm-router-bench-'));
    const config = join(dir, 'models-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        bench: {
          'bench-model': {
            providers: [
              { id: 'bench-upstream', api_host: upstream.url, api_type: 'openai', model_path: 'bench-model' },
            ],
          },
        },
        active_models: { bench: ['bench-model'] },
      }),
    );
    const gateway = await startProcess(
      [join(ROOT, 'dist', 'core', 'main.js')],
      {
        LLM_ROUTER_MODELS_CONFIG: config,
        LLM_ROUTER_SERVER_HOST: '127.0.0.1',
        LLM_ROUTER_SERVER_PORT: '0',
        LLM_ROUTER_LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
      },
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(gateway);

    const bare = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'bare-proxy-server.js')],
      { UPSTREAM_URL: upstream.url },
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(bare);

    const portkeyPort = String(20000 + Math.floor(Math.random() * 20000));
    const portkey = await startProcess(
      [
        '--import',
        join(ROOT, 'dist', 'bench', 'support', 'loopback-only.js'),
        join(ROOT, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js'),
        `--port=${portkeyPort}`,
        '--headless',
      ],
      { NODE_ENV: 'production' },
      /(Ready) for connections/,
    );
    started.push(portkey);

    const json = { 'content-type': 'application/json', authorization: 'Bearer bench' };
    const targets: Target[] = [
      { name: 'direct', url: `${upstream.url}/v1/chat/completions`, headers: json },
      { name: 'llm-router', url: `${gateway.url}/v1/chat/completions`, headers: json },
      { name: 'bare node proxy', url: `${bare.url}/v1/chat/completions`, headers: json },
      {
        name: 'portkey',
        url: `http://127.0.0.1:${portkeyPort}/v1/chat/completions`,
        headers: { ...json, 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstream.url}/v1` },
      },
    ];

    const rows: Row[] = [];
    for (const concurrency of CONCURRENCY) {
      for (const target of targets) {
        const rps = await throughput(target, concurrency);
        const latency = await probeLatency(
          target,
          BODY,
          concurrency,
          Math.ceil(PROBE_REQUESTS / concurrency) * (concurrency > 1 ? 4 : 1),
        );
        rows.push({ target: target.name, concurrency, rps, ...latency });
        console.error(`  ${target.name} c=${concurrency}: ${rps.toFixed(0)} req/s`);
      }
    }
    print(rows);
  } finally {
    started.forEach(stopProcess);
  }
}

function print(rows: Row[]): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nGateway overhead — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpu}, Node ${process.version}, ${DURATION_S}s per run\n`,
  );
  console.log('| target | concurrency | req/s | p50 ms | p99 ms | req/s ÷ direct | req/s ÷ portkey | added p50 ms |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const direct = rows.find((x) => x.target === 'direct' && x.concurrency === r.concurrency)!;
    const portkey = rows.find((x) => x.target === 'portkey' && x.concurrency === r.concurrency)!;
    console.log(
      `| ${r.target} | ${r.concurrency} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${(r.rps / direct.rps).toFixed(2)} | ${(r.rps / portkey.rps).toFixed(2)} | ${(r.p50 - direct.p50).toFixed(3)} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
