import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Started, startProcess, stopProcess } from './processes.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

export interface ModeRate {
  mode: string;
  c: number;
  /** The median of the rounds. */
  rps: number;
  /** Each round's req/s, in round order. */
  rounds: number[];
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
 * The gateway's req/s in each mode (a set of env variables) at concurrency 1 and 32, against one fake
 * OpenAI-compatible backend with instant answers: BENCH_ROUNDS rounds (default 3), each mode on a fresh gateway
 * process per round, rotating which mode goes first. One pair in sequence said little on a shared machine (the
 * same two modes read 0.66 and 0.83 of each other in two runs an hour apart).
 */
export async function gatewayRatesByMode(
  /** Name, env, the model when not `bench-model` (`auto` for the routers), and request headers (an API key). */
  modes: ReadonlyArray<readonly [string, Record<string, string>, string?, Record<string, string>?]>,
  body: (model: string) => string,
): Promise<ModeRate[]> {
  const started: Started[] = [];
  const out: ModeRate[] = modes.flatMap(([mode]) => [1, 32].map((c) => ({ mode, c, rps: 0, rounds: [] })));
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
    for (let round = 0; round < ROUNDS; round++) {
      const first = round % modes.length;
      for (const [mode, env, model, headers] of [...modes.slice(first), ...modes.slice(0, first)]) {
        const gw = await startProcess(
          [join(ROOT, 'dist', 'core', 'main.js')],
          { LLM_ROUTER_MODELS_CONFIG: config, LLM_ROUTER_SERVER_PORT: '0', ...env },
          /listening on (http:\/\/[\d.:]+)/,
        );
        started.push(gw);
        for (const c of [1, 32]) {
          const rate = out.find((r) => r.mode === mode && r.c === c)!;
          rate.rounds.push(await rps(gw.url, c, body(model ?? 'bench-model'), headers ?? {}));
        }
        stopProcess(gw);
      }
    }
  } finally {
    started.forEach(stopProcess);
  }
  for (const rate of out) rate.rps = median(rate.rounds);
  return out;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The rates as a Markdown table (medians), each relative to the first mode at the same concurrency, round by round too. */
export function printRates(rates: readonly ModeRate[]): void {
  const base = rates[0]!.mode;
  console.log(`\n| gateway | concurrency | req/s (median) | ÷ ${base} | ÷ ${base}, per round |\n|---|---|---|---|---|`);
  for (const g of rates) {
    const ref = rates.find((x) => x.mode === base && x.c === g.c)!;
    const perRound = g.rounds.map((r, i) => (r / ref.rounds[i]!).toFixed(2)).join(', ');
    console.log(`| ${g.mode} | ${g.c} | ${g.rps.toFixed(0)} | ${(g.rps / ref.rps).toFixed(2)} | ${perRound} |`);
  }
}
