import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTinyModels } from '../../scripts/models/tiny-models.js';
import { ChildServer, runExpectingExit } from './child-server.js';

const MAIN = join(import.meta.dirname, '..', '..', 'services', 'main.js');

let models: ReturnType<typeof buildTinyModels> | null = null;

/** The tiny models, built once per test process by the project's own script. */
export function tinyModels(): ReturnType<typeof buildTinyModels> {
  models ??= buildTinyModels(mkdtempSync(join(tmpdir(), 'llm-router-models-')));
  return models;
}

/** A services config serving every tiny model (Sójka's and NASK's thresholds as the reference sets them). */
export function tinyServicesConfig(extra: Record<string, unknown> = {}): string {
  const m = tinyModels();
  const config = {
    guardrails: {
      nask_guard: {
        enabled: true,
        model_path: m.naskGuard,
        safe_labels: ['safe'],
        min_score_for_safe: 0.5,
        min_score_for_not_safe: 0.5,
      },
      sojka_guard: { enabled: true, model_path: m.sojkaGuard, safe_labels: [], min_score_for_not_safe: 0.7 },
    },
    pii_masker: { enabled: true, model_path: m.piiNer },
    embeddings: { enabled: true, model_path: m.embeddings },
    ...extra,
  };
  const path = join(mkdtempSync(join(tmpdir(), 'llm-router-services-')), 'services.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** The sidecar service as a real process on 127.0.0.1. */
export class SidecarProcess extends ChildServer {
  constructor() {
    super(MAIN, 'sidecar', 30_000);
  }

  /** Starts on `port` (0: any), with the tiny models unless the env names another config. */
  override start(env: Record<string, string> = {}, port = 0): Promise<this> {
    return super.start({
      LLM_ROUTER_API_HOST: '127.0.0.1',
      LLM_ROUTER_API_PORT: String(port),
      LLM_ROUTER_SERVICES_CONFIG: tinyServicesConfig(),
      ...env,
    });
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async post(path: string, body: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  }
}

/** Runs the sidecar expecting it to refuse to start; returns its exit code and output. */
export function sidecarExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runExpectingExit(MAIN, { LLM_ROUTER_API_HOST: '127.0.0.1', LLM_ROUTER_API_PORT: '0', ...env }, 30_000);
}
