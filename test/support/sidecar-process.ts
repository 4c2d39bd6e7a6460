import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTinyModels } from '../../scripts/models/tiny-models.js';

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
      nask_guard: { enabled: true, model_path: m.naskGuard, safe_labels: ['safe'], min_score_for_safe: 0.5, min_score_for_not_safe: 0.5 },
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
export class SidecarProcess {
  private child: ChildProcess | null = null;
  output = '';
  url = '';

  async start(env: Record<string, string> = {}, port = 0): Promise<this> {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', LLM_ROUTER_API_HOST: '127.0.0.1', LLM_ROUTER_API_PORT: String(port), LLM_ROUTER_SERVICES_CONFIG: tinyServicesConfig(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sidecar did not start:\n${this.output}`)), 30_000);
      child.stdout!.on('data', () => {
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sidecar exited with ${code}:\n${this.output}`));
      });
    });
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Dies at once, as a crashed sidecar would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }

  async post(path: string, body: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }
}

/** Runs the sidecar expecting it to refuse to start; returns its exit code and output. */
export function sidecarExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env['PATH'] ?? '', LLM_ROUTER_API_HOST: '127.0.0.1', LLM_ROUTER_API_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
