import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Started, startProcess, stopProcess } from './processes.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);

export interface ModeRate {
  mode: string;
  c: number;
  rps: number;
}

async function rps(url: string, connections: number, body: string, headers: Record<string, string>): Promise<number> {
  const run = (duration: number) =>
    autocannon({
      url: `${url}/v1/chat/completions`,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      connections,
      duration,
    });
  await run(2);
  const r = await run(DURATION_S);
  if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

/**
 * The gateway's req/s in each mode (a set of env variables), one gateway process per mode in turn, at
 * concurrency 1 and 32, against one fake OpenAI-compatible backend with instant answers.
 */
export async function gatewayRatesByMode(
  /** Name, env, the model when not `bench-model` (`auto` for the routers), and request headers (an API key). */
  modes: ReadonlyArray<readonly [string, Record<string, string>, string?, Record<string, string>?]>,
  body: (model: string) => string,
): Promise<ModeRate[]> {
  const started: Started[] = [];
  const out: ModeRate[] = [];
  try {
    const upstream = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'fake-upstream-server.js')],
      {},
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(upstream);
    const config = join(mkdtempSync(join(tmpdir(), 'llm-router-bench-')), 'models-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        b: { 'bench-model': { providers: [{ id: 'u', api_host: upstream.url, api_type: 'openai' }] } },
        active_models: { b: ['bench-model'] },
      }),
    );
    for (const [mode, env, model, headers] of modes) {
      const gw = await startProcess(
        [join(ROOT, 'dist', 'core', 'main.js')],
        { LLM_ROUTER_MODELS_CONFIG: config, LLM_ROUTER_SERVER_PORT: '0', ...env },
        /listening on (http:\/\/[\d.:]+)/,
      );
      started.push(gw);
      for (const c of [1, 32])
        out.push({ mode, c, rps: await rps(gw.url, c, body(model ?? 'bench-model'), headers ?? {}) });
      stopProcess(gw);
    }
  } finally {
    started.forEach(stopProcess);
  }
  return out;
}

/** The rates as a Markdown table, each relative to the first mode at the same concurrency. */
export function printRates(rates: readonly ModeRate[]): void {
  const base = rates[0]!.mode;
  console.log(`\n| gateway | concurrency | req/s | ÷ ${base} |\n|---|---|---|---|`);
  for (const g of rates) {
    const ref = rates.find((x) => x.mode === base && x.c === g.c)!;
    console.log(`| ${g.mode} | ${g.c} | ${g.rps.toFixed(0)} | ${(g.rps / ref.rps).toFixed(2)} |`);
  }
}
