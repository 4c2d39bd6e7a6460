import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { container } from 'tsyringe';
import { findStrategy } from './balancing/strategies-registry.js';
import { loadSettings, type Settings } from './config/settings.js';
import { StartupError } from './errors/startup-error.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import { createLogger, type Logger } from './logging/logger.js';
import { UtilsPipeline } from './pipeline/utils-pipeline.js';
import { assembleGateway, checkWorkersShareLocks } from './server/gateway.js';
import { createHttpServer, listen } from './server/http-server.js';
import { InFlight } from './server/in-flight.js';
import { drainAndStop } from './server/shutdown.js';

async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  if (settings.workers > 1 && cluster.isPrimary) {
    // Checked here too, so a configuration the workers would refuse stops the primary instead.
    checkWorkersShareLocks(settings, await findStrategy(settings.balanceStrategy));
    return runWorkers(settings.workers, settings.shutdownTimeoutMs);
  }
  const logger = createLogger(settings.log);
  const { app, lifecycle, models, reload } = await assembleGateway(container, settings, logger);
  // The signals are ours before the ready line is printed: whoever waits for that line may signal at once.
  const server = createHttpServer(app, settings);
  handleSignals(server, lifecycle, logger, settings, () => {
    reload.reload();
    void container.resolve(UtilsPipeline).reload();
  });
  await listen(server, settings);
  lifecycle.register('http server', { stop: () => server.closeAllConnections() });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const ready = `LLM Router listening on http://${settings.host}:${port} (${models.models.size} models, strategy ${settings.balanceStrategy})`;
  // Operators and scripts wait for this line, so it is printed whatever the log level.
  if (logger.isInfoEnabled()) logger.info(ready);
  else console.log(ready);
  process.send?.('ready');
  lifecycle.start();
}

/** SIGTERM/SIGINT drain and stop; SIGHUP reloads (not Node's default for it, exit 129). */
function handleSignals(
  server: Server,
  lifecycle: Lifecycle,
  logger: Logger,
  settings: Settings,
  reload: () => void,
): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second signal while draining is an operator who will not wait. A worker gets the terminal's signal
      // and the primary's as well: the primary keeps its deadline.
      if (cluster.isPrimary) process.exit(1);
      return;
    }
    stopping = true;
    logger.info(`${signal}: shutting down`);
    drainAndStop(server, container.resolve(InFlight), lifecycle, logger, settings.shutdownTimeoutMs).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error(`shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => {
    if (!stopping) reload();
  });
}

/**
 * The primary only forks workers (they share the listening port) and replaces one that dies while serving.
 * A worker that dies before it is ready means the configuration is wrong: the primary stops too. On SIGTERM
 * or SIGINT each worker drains on its own; the primary waits for them (past their deadline it kills them).
 */
function runWorkers(count: number, shutdownTimeoutMs: number): void {
  const ready = new Set<number>();
  let stopping = false;
  let failed = false;
  cluster.on('message', (worker, message: unknown) => {
    if (message === 'ready') ready.add(worker.id);
    // One worker reloaded through the admin endpoint: the others do too.
    else if ((message as { reloadOthers?: boolean } | null)?.reloadOthers === true) reloadWorkers(worker.id);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker still starting has no handler yet and dies of the SIGTERM itself, having served nothing.
      if (code !== 0 && signal !== 'SIGTERM') failed = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!ready.has(worker.id)) {
      stop();
      process.exitCode = 1;
      return;
    }
    console.error(`llm-router: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  function stop() {
    if (stopping) return;
    stopping = true;
    // The signal itself, not worker.kill(): that first disconnects the worker, which closes its server under
    // the requests it is still answering.
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }, shutdownTimeoutMs + 10_000).unref();
  }
  function reloadWorkers(except?: number) {
    for (const w of Object.values(cluster.workers ?? {})) if (w && w.id !== except) w.process.kill('SIGHUP');
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => reloadWorkers());
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`llm-router: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
