import 'reflect-metadata';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { container } from 'tsyringe';
import { loadSettings } from '../../core/config/settings.js';
import { createLogger } from '../../core/logging/logger.js';
import { assembleGateway } from '../../core/server/gateway.js';

export interface InProcessGateway {
  readonly url: string;
  close(): Promise<void>;
}

let made = false;

/**
 * The gateway's app in the test's own process on 127.0.0.1, for route and error-rendering tests without a child
 * process. tsyringe keeps @singleton instances in its root container, so a test file can make one of these.
 */
export async function inProcessGateway(models: object, env: Record<string, string> = {}): Promise<InProcessGateway> {
  if (made) throw new Error('one in-process gateway per test file (tsyringe singletons live in the root container)');
  made = true;
  const config = join(mkdtempSync(join(tmpdir(), 'llm-router-app-')), 'models-config.json');
  writeFileSync(config, JSON.stringify(models));
  const settings = loadSettings({
    LLM_ROUTER_MODELS_CONFIG: config,
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    LLM_ROUTER_PROMPTS_DIR: join(import.meta.dirname, '..', '..', '..', 'prompts'),
    ...env,
  });
  const logger = createLogger({ level: 'error', json: false, file: null });
  const { app, lifecycle } = await assembleGateway(container, settings, logger);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  lifecycle.register('http server', {
    stop: () => {
      server.close();
      server.closeAllConnections();
    },
  });
  lifecycle.start();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => lifecycle.stop() };
}
