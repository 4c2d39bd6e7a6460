/**
 * Where the gateway's CPU goes on the pass-through path: the gateway runs with --cpu-prof under 32 connections
 * of autocannon against the fake OpenAI backend, then stops, and the profile's top functions by self time are
 * printed (a share of all samples, the idle time left out). `GATEWAY_MAIN` profiles another build's
 * core/main.js (e.g. an older commit's), so two builds can be set side by side in one run. `PROFILE_ENV` (a JSON
 * object) adds gateway variables and `PROFILE_BEARER` a key, to profile a mode (API keys, say).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CHAT_BODY } from './support/chat-body.js';
import { type Started, startProcess, stopProcess } from './support/processes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = process.env['GATEWAY_MAIN'] ?? join(ROOT, 'dist', 'core', 'main.js');
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const TOP = Number(process.env['PROFILE_TOP'] ?? 25);
const BODY = CHAT_BODY;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-router-profile-'));
  const started: Started[] = [];
  let requests = 0;
  try {
    const upstream = await startProcess(
      [join(ROOT, 'dist', 'bench', 'support', 'fake-upstream-server.js')],
      {},
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(upstream);
    const config = join(dir, 'models-config.json');
    const provider = { id: 'bench-upstream', api_host: upstream.url, api_type: 'openai', model_path: 'bench-model' };
    writeFileSync(
      config,
      JSON.stringify({
        bench: { 'bench-model': { providers: [provider] } },
        active_models: { bench: ['bench-model'] },
      }),
    );
    const env = {
      LLM_ROUTER_MODELS_CONFIG: config,
      LLM_ROUTER_SERVER_HOST: '127.0.0.1',
      LLM_ROUTER_SERVER_PORT: '0',
      ...(JSON.parse(process.env['PROFILE_ENV'] ?? '{}') as Record<string, string>),
    };
    const bearer = process.env['PROFILE_BEARER'];
    const gateway = await startProcess(
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, MAIN],
      env,
      /listening on (http:\/\/[\d.:]+)/,
    );
    started.push(gateway);
    const load = (duration: number) =>
      autocannon({
        url: `${gateway.url}/v1/chat/completions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: BODY,
        connections: 32,
        duration,
      });
    await load(2);
    const result = await load(DURATION_S);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
    requests = result.requests.total;
    // SIGTERM: the gateway stops by itself, and Node writes the profile on the way out.
    const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
    gateway.child.kill('SIGTERM');
    await exited;
  } finally {
    started.forEach(stopProcess);
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile was written in ${dir}`);
  print(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, requests);
}

function print(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy++;
    const where = url
      ? `${url
          .replace(/^file:\/\//, '')
          .replace(ROOT, '.')
          .replace(/.*node_modules\//, '')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  console.log(
    `\nGateway CPU profile — ${new Date().toISOString().slice(0, 10)}, ${MAIN.replace(ROOT, '.')}, ${requests} requests at c=32\n`,
  );
  console.log('| self % of busy samples | function |');
  console.log('|---|---|');
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`| ${((100 * n) / busy).toFixed(1)} | \`${key}\` |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
