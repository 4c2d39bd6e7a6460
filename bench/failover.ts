/**
 * failoverbench's fault scenarios (issue 14), written anew: a primary that misbehaves and a healthy secondary,
 * with first_available and balanced, streamed and not; each scenario scored pass / partial / safe / fail:
 * pass = the client got the right, complete answer (or, for a 400 that is the request's fault, that 400);
 * safe = a clear error and no false success; fail = a false success (a cut or wrong answer shown as complete),
 * or the client's 400 turned into something else.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TEXT = 'Warsaw is the capital.';
const ROUNDS = 4;

type Outcome = 'ok' | 'error' | 'false' | 'client400';
type Score = 'pass' | 'partial' | 'safe' | 'fail';

const SCENARIOS: ReadonlyArray<{ fault: string; name: string; expect: 'answer' | 'client400' }> = [
  { fault: '429ra', name: '429 with Retry-After', expect: 'answer' },
  { fault: '429', name: '429 without Retry-After', expect: 'answer' },
  { fault: '500once', name: '500 once', expect: 'answer' },
  { fault: '503', name: '503', expect: 'answer' },
  { fault: 'reset', name: 'connection reset', expect: 'answer' },
  { fault: 'noresponse', name: 'no response', expect: 'answer' },
  { fault: 'slowfirst', name: 'slow first token', expect: 'answer' },
  { fault: 'cut', name: 'stream cut', expect: 'answer' },
  { fault: 'stall', name: 'stall mid-answer', expect: 'answer' },
  { fault: 'malformed', name: 'malformed chunk', expect: 'answer' },
  { fault: 'nodone', name: 'missing [DONE]', expect: 'answer' },
  { fault: 'ctx400', name: 'context-length 400', expect: 'client400' },
  { fault: 'filter400', name: 'content-filter 400', expect: 'client400' },
  { fault: 'flap', name: 'flapping primary', expect: 'answer' },
];

async function one(url: string, stream: boolean): Promise<{ outcome: Outcome; fallback: string | null }> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream, messages: [{ role: 'user', content: 'Capital of Poland?' }] }),
  }).catch(() => null);
  if (!res) return { outcome: 'error', fallback: null };
  const fallback = res.headers.get('x-llm-router-fallback');
  const raw = await res.text().catch(() => null);
  if (res.status === 400) return { outcome: 'client400', fallback };
  if (res.status !== 200 || raw === null) return { outcome: 'error', fallback };
  if (!stream) {
    try {
      const body = JSON.parse(raw) as { choices?: Array<{ message?: { content?: string } }> };
      return { outcome: body.choices?.[0]?.message?.content === TEXT ? 'ok' : 'false', fallback };
    } catch {
      return { outcome: 'false', fallback };
    }
  }
  let text = '';
  let finished = false;
  let errored = false;
  for (const line of raw.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    try {
      const e = JSON.parse(line.slice(6)) as {
        error?: unknown;
        choices?: Array<{ delta?: { content?: string }; finish_reason?: string | null }>;
      };
      if (e.error) errored = true;
      text += e.choices?.[0]?.delta?.content ?? '';
      if (e.choices?.[0]?.finish_reason) finished = true;
    } catch {
      // a line the client cannot read: the answer is not what it seems
      return { outcome: errored ? 'error' : 'false', fallback };
    }
  }
  if (errored) return { outcome: 'error', fallback };
  return { outcome: finished && text === TEXT ? 'ok' : 'false', fallback };
}

function score(
  results: ReadonlyArray<{ outcome: Outcome; fallback: string | null }>,
  expect: 'answer' | 'client400',
): Score {
  const outcomes = results.map((r) => r.outcome);
  // A 400 is the request's fault: passed on as it is; the other provider may answer requests it was given first.
  if (expect === 'client400')
    return results.every((r) => r.outcome === 'client400' || (r.outcome === 'ok' && r.fallback !== 'true'))
      ? 'pass'
      : outcomes.includes('false')
        ? 'fail'
        : 'safe';
  if (outcomes.includes('false') || outcomes.includes('client400')) return 'fail';
  if (outcomes.every((o) => o === 'ok')) return 'pass';
  return outcomes.some((o) => o === 'ok') ? 'partial' : 'safe';
}

async function main(): Promise<void> {
  const started: Started[] = [];
  const rows: string[] = [];
  const totals = new Map<string, Record<Score, number>>();
  try {
    const server = join(ROOT, 'dist', 'bench', 'support', 'fault-server.js');
    const primary = await startProcess([server], {}, /listening on (http:\/\/[\d.:]+)/);
    const secondary = await startProcess([server], { FAULT: 'ok' }, /listening on (http:\/\/[\d.:]+)/);
    started.push(primary, secondary);
    const config = join(mkdtempSync(join(tmpdir(), 'llm-router-bench-')), 'models-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        b: {
          m: {
            providers: [
              { id: 'primary', api_host: primary.url, api_type: 'openai' },
              { id: 'secondary', api_host: secondary.url, api_type: 'openai' },
            ],
          },
        },
        active_models: { b: ['m'] },
      }),
    );
    for (const strategy of ['first_available', 'balanced']) {
      const tally: Record<Score, number> = { pass: 0, partial: 0, safe: 0, fail: 0 };
      for (const s of SCENARIOS) {
        const cells: string[] = [];
        let worst: Score = 'pass';
        const order: Score[] = ['pass', 'partial', 'safe', 'fail'];
        for (const stream of [false, true]) {
          // A fresh gateway per cell: a provider resting after a 429 or a breaker must not carry into the next one.
          const gateway = await startProcess(
            [join(ROOT, 'dist', 'core', 'main.js')],
            {
              LLM_ROUTER_MODELS_CONFIG: config,
              LLM_ROUTER_SERVER_PORT: '0',
              LLM_ROUTER_BALANCE_STRATEGY: strategy,
              LLM_ROUTER_EXTERNAL_TIMEOUT: '2',
              LLM_ROUTER_FIRST_TOKEN_TIMEOUT: '1',
              LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
            },
            /listening on (http:\/\/[\d.:]+)/,
          );
          await fetch(`${primary.url}/__fault`, { method: 'POST', body: JSON.stringify({ fault: s.fault }) });
          const results = [];
          for (let i = 0; i < ROUNDS; i++) results.push(await one(gateway.url, stream));
          const sc = score(results, s.expect);
          cells.push(`${sc} (${results.map((r) => `${r.outcome}${r.fallback === 'true' ? '*' : ''}`).join(',')})`);
          if (order.indexOf(sc) > order.indexOf(worst)) worst = sc;
          stopProcess(gateway);
        }
        tally[worst]++;
        rows.push(`| ${strategy} | ${s.name} | ${cells[0]} | ${cells[1]} | **${worst}** |`);
      }
      totals.set(strategy, tally);
    }
  } finally {
    started.forEach(stopProcess);
  }
  console.log(
    `\nFailover scenarios — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${ROUNDS} requests per cell\n`,
  );
  console.log("Each cell: the score, then each request's outcome (`*`: served by the fallback provider).\n");
  console.log('| strategy | scenario | whole answer | streamed | scenario score |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\n| strategy | pass | partial | safe | fail |\n|---|---|---|---|---|');
  for (const [s, t] of totals) console.log(`| ${s} | ${t.pass} | ${t.partial} | ${t.safe} | ${t.fail} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
