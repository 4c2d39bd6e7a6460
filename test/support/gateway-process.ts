import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer, runExpectingExit } from './child-server.js';

const MAIN = join(import.meta.dirname, '..', '..', 'core', 'main.js');
const LOOPBACK = { LLM_ROUTER_SERVER_HOST: '127.0.0.1', LLM_ROUTER_SERVER_PORT: '0' };

/** The gateway as a real process on 127.0.0.1, on a port it picks itself. */
export class GatewayProcess extends ChildServer {
  constructor() {
    super(MAIN, 'gateway', 15_000);
  }

  static writeConfig(config: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'llm-router-test-'));
    const path = join(dir, 'models-config.json');
    writeFileSync(path, JSON.stringify(config));
    return path;
  }

  static writeConfigAt(path: string, config: unknown): void {
    writeFileSync(path, JSON.stringify(config));
  }

  override start(env: Record<string, string>): Promise<this> {
    return super.start({ ...LOOPBACK, ...env });
  }
}

/** Runs the gateway expecting it to refuse to start; returns its exit code and output. */
export function runExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runExpectingExit(MAIN, { ...LOOPBACK, ...env }, 10_000);
}
