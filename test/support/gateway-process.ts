import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '..', '..', 'core', 'main.js');

/** The gateway as a real process on 127.0.0.1, on a port it picks itself. */
export class GatewayProcess {
  private child: ChildProcess | null = null;
  output = '';
  url = '';

  static writeConfig(config: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'llm-router-test-'));
    const path = join(dir, 'models-config.json');
    writeFileSync(path, JSON.stringify(config));
    return path;
  }

  async start(env: Record<string, string>): Promise<this> {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', LLM_ROUTER_SERVER_HOST: '127.0.0.1', LLM_ROUTER_SERVER_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${this.output}`)), 15_000);
      const onData = () => {
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`gateway exited with ${code}:\n${this.output}`));
      });
    });
    return this;
  }

  /** Dies at once, as a crashed instance would (no cleanup, no lease release). */
  kill(): void {
    this.child?.removeAllListeners('exit');
    this.child?.kill('SIGKILL');
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
}

/** Runs the gateway expecting it to refuse to start; returns its exit code and output. */
export function runExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', LLM_ROUTER_SERVER_HOST: '127.0.0.1', LLM_ROUTER_SERVER_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
