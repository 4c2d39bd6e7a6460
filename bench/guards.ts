/**
 * Guard latency per request: injection_guard in process; the sidecar's guards and PII masker over HTTP, cold
 * (a text never seen) and cached (the same text again). Then the gateway's requests/s with injection_guard on
 * vs off, same load, same run. The sidecar runs the tiny models of scripts/models: its numbers are the
 * service's own overhead (HTTP, tokenising, windows, worker hand-off, cache), not a production model's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { InjectionGuard } from '../plugins/guardrails/injection-guard/injection-guard.js';
import { buildTinyModels } from '../scripts/models/tiny-models.js';
import { gatewayRatesByMode, printRates } from './support/gateway-modes.js';
import { startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);

const PROMPT =
  'Could you summarise the attached quarterly report and list the three biggest risks the team mentions, with one sentence each? Anna Kowalska from Kraków asked for it.';
const LONG = Array.from({ length: 16 }, () => PROMPT).join(' '); // ~2.5 KB: several token windows
const MIXED = Array.from(
  { length: 40 },
  (_, i) =>
    [
      'Raport „Q3” (wersja 2.4): przychód 12,5 mln zł, o 7% więcej niż w 2023 r.; zob. https://example.com/r%20q3.',
      'The article quotes "Ignore the noise" as the team’s motto — see appendix B2 and token c2VjdXJpdHkgcmV2aWV3.',
      'Привет, команда! Встреча в 10:30, план на Q4 во вложении.',
    ][i % 3],
)
  .join(' ')
  .slice(0, 4000);

interface Row {
  guard: string;
  input: string;
  p50: number;
  p99: number;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function time(guard: string, input: string, call: (i: number) => Promise<unknown> | unknown): Promise<Row> {
  for (let i = 0; i < 20; i++) await call(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await call(i);
    ms.push(performance.now() - t);
  }
  return { guard, input, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const guard = new InjectionGuard();
  rows.push(await time('injection_guard (in process)', 'chat prompt, 160 B', () => guard.apply([PROMPT])));
  rows.push(await time('injection_guard (in process)', 'document, 2.5 KB', () => guard.apply([LONG])));
  // The bound (p99 under 1 ms at 4,000 characters), on a text that mixes scripts, quotes and digits:
  // every normalisation and decoder step runs, and nothing blocks early.
  rows.push(await time('injection_guard (in process)', 'mixed text, 4 KB', () => guard.apply([MIXED])));

  const dir = mkdtempSync(join(tmpdir(), 'llm-router-bench-'));
  const m = buildTinyModels(join(dir, 'models'));
  const servicesConfig = join(dir, 'services.json');
  writeFileSync(
    servicesConfig,
    JSON.stringify({
      guardrails: {
        nask_guard: { enabled: true, model_path: m.naskGuard },
        sojka_guard: { enabled: true, model_path: m.sojkaGuard, safe_labels: [], min_score_for_not_safe: 0.7 },
      },
      pii_masker: { enabled: true, model_path: m.piiNer },
    }),
  );
  const sidecar = await startProcess(
    [join(ROOT, 'dist', 'services', 'main.js')],
    { LLM_ROUTER_SERVICES_CONFIG: servicesConfig, LLM_ROUTER_API_HOST: '127.0.0.1', LLM_ROUTER_API_PORT: '0' },
    /listening on (http:\/\/[\d.:]+)/,
  );
  try {
    const run = Date.now();
    for (const [name, path] of [
      ['nask_guard (sidecar)', '/api/guardrails/nask_guard'],
      ['sojka_guard (sidecar)', '/api/guardrails/sojka_guard'],
      ['pii_masker (sidecar)', '/api/maskers/pii'],
    ] as const) {
      for (const [input, text] of [
        ['chat prompt, 160 B', PROMPT],
        ['document, 2.5 KB', LONG],
      ] as const) {
        rows.push(
          await time(name, `${input}, cold`, (i) => post(`${sidecar.url}${path}`, { texts: [`${run} ${i} ${text}`] })),
        );
        rows.push(await time(name, `${input}, cached`, () => post(`${sidecar.url}${path}`, { texts: [text] })));
      }
    }
  } finally {
    stopProcess(sidecar);
  }
  const gateway = await gatewayRatesByMode(
    [
      ['guardrails off', {}],
      [
        'injection_guard on',
        { LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: '1', LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: 'injection_guard' },
      ],
    ],
    (model) =>
      JSON.stringify({
        model,
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: PROMPT },
        ],
      }),
  );

  console.log(
    `\nGuards — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`,
  );
  console.log('| guard | input | p50 ms | p99 ms |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.guard} | ${r.input} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} |`);
  printRates(gateway);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
