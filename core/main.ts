import 'reflect-metadata';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { container } from 'tsyringe';
import { findStrategy } from './balancing/strategies-registry.js';
import { loadSettings } from './config/settings.js';
import { StartupError } from './errors/startup-error.js';
import { createLogger } from './logging/logger.js';
import { assembleGateway, checkWorkersShareLocks } from './server/gateway.js';

const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  if (settings.workers > 1 && cluster.isPrimary) {
    // Checked here too, so a configuration the workers would refuse stops the primary instead.
    checkWorkersShareLocks(settings, await findStrategy(settings.balanceStrategy));
    return runWorkers(settings.workers);
  }
  const logger = createLogger(settings.log);
  const { app, lifecycle, models } = await assembleGateway(container, settings, logger);
  // A burst of connections beyond Node's default backlog of 511 is refused by the kernel before any code runs.
  const server = createServer(app).listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  lifecycle.register('http server', {
    stop: () => {
      server.close();
      server.closeAllConnections();
    },
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const ready = `LLM Router listening on http://${settings.host}:${port} (${models.models.size} models, strategy ${settings.balanceStrategy})`;
  // Operators and scripts wait for this line, so it is printed whatever the log level.
  if (logger.isInfoEnabled()) logger.info(ready);
  else console.log(ready);
  process.send?.('ready');
  lifecycle.start();

  const shutdown = () => {
    logger.info('shutting down');
    void lifecycle.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * The primary only forks workers (they share the listening port) and replaces one that dies while serving.
 * A worker that dies before it is ready means the configuration is wrong: the primary stops too.
 */
function runWorkers(count: number): void {
  const ready = new Set<number>();
  let stopping = false;
  cluster.on('message', (worker, message) => {
    if (message === 'ready') ready.add(worker.id);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
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
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
  }
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`llm-router: ${err.message}`);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`llm-router: ${(err as Error).message}`);
  else console.error(err);
  process.exit(1);
});
