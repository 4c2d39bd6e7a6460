import type { Server } from 'node:http';
import { StartupError } from '../core/errors/startup-error.js';
import { loadServicesConfig, type ServicesConfig } from './config/services-config.js';
import { EmbeddingsService } from './embeddings/embeddings-service.js';
import { GuardService } from './guard/guard-service.js';
import { ServiceMetrics } from './http/service-metrics.js';
import { servicesApp } from './http/services-app.js';
import { CachedInference } from './inference/cached-inference.js';
import type { ModelSpec } from './inference/messages.js';
import { WorkerPool } from './inference/worker-pool.js';
import { PiiService } from './pii/pii-service.js';

function modelSpecs(cfg: ServicesConfig): ModelSpec[] {
  return [
    ...cfg.guards.map((g) => ({ key: g.name, task: 'classify' as const, path: g.model_path, quantized: g.quantized })),
    ...(cfg.pii
      ? [{ key: 'pii_masker', task: 'entities' as const, path: cfg.pii.model_path, quantized: cfg.pii.quantized }]
      : []),
    ...(cfg.embeddings
      ? [
          {
            key: 'embeddings',
            task: 'embed' as const,
            path: cfg.embeddings.model_path,
            quantized: cfg.embeddings.quantized,
          },
        ]
      : []),
  ];
}

async function main(): Promise<void> {
  const cfg = loadServicesConfig();
  const specs = modelSpecs(cfg);
  const pool = await WorkerPool.start(cfg.workers, { models: specs, batchSize: cfg.batchSize }).catch((err: Error) => {
    throw new StartupError(`a model failed to load: ${err.message}`);
  });
  const metrics = new ServiceMetrics();
  const cached = <T extends object>(key: string) => new CachedInference<T>(key, pool, cfg.cacheSize, metrics);
  const app = servicesApp({
    guards: new Map(cfg.guards.map((g) => [g.name, new GuardService(g, cached(g.name))])),
    pii: cfg.pii ? new PiiService(cfg.pii, cached('pii_masker')) : null,
    embeddings: cfg.embeddings
      ? new EmbeddingsService(cfg.embeddings.model_path.split('/').pop()!, cached('embeddings'))
      : null,
    metrics,
  });
  const server: Server = await new Promise((ok, fail) => {
    const s = app.listen(cfg.port, cfg.host, (err?: Error) => (err ? fail(err) : ok(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  console.log(
    `llm-router services listening on http://${cfg.host}:${port} (models: ${specs.map((s) => `${s.key}=${s.path}`).join(', ') || 'none'}; workers: ${cfg.workers})`,
  );
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: Error) => {
  console.error(err instanceof StartupError ? `llm-router services: ${err.message}` : err);
  process.exit(1);
});
