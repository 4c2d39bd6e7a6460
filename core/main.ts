import 'reflect-metadata';
import { container } from 'tsyringe';
import { loadSettings, SETTINGS } from './config/settings.js';
import { loadModelsConfig, MODELS_CONFIG } from './config/models-config.js';
import { StartupError } from './errors/startup-error.js';
import { createLogger, LOGGER } from './logging/logger.js';
import { Metrics, METRICS } from './metrics/metrics.js';
import { discoverProviderTypes, PROVIDER_TYPES } from './providers/provider-types.js';
import { BALANCE_STRATEGY } from './balancing/strategy.js';
import { findStrategy } from './balancing/strategies-registry.js';
import { UpstreamClient } from './providers/upstream-client.js';
import { buildApp } from './server/app.js';
import { discoverPlugins } from './plugins/plugin-registry.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './pipeline/plugin-tokens.js';
import { AUDIT_SINK, NoAudit } from './audit/audit-sink.js';
import { UtilsPipeline } from './pipeline/utils-pipeline.js';
import { GuardrailPipeline } from './pipeline/guardrail-pipeline.js';
import { MaskerPipeline } from './pipeline/masking/masker-pipeline.js';

async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  const logger = createLogger(settings.log);
  const models = loadModelsConfig(settings.modelsConfigPath);
  const metrics = new Metrics(settings.prometheus);
  container.registerInstance(SETTINGS, settings);
  container.registerInstance(LOGGER, logger);
  container.registerInstance(MODELS_CONFIG, models);
  container.registerInstance(METRICS, metrics);
  container.registerInstance(PROVIDER_TYPES, await discoverProviderTypes());
  container.registerSingleton(BALANCE_STRATEGY, await findStrategy(settings.balanceStrategy));
  container.registerInstance(PLUGIN_CATALOGUE, await discoverPlugins());
  container.registerInstance(PLUGIN_CONTAINER, container);
  container.registerInstance(AUDIT_SINK, new NoAudit());

  // Built before the endpoints so that a bad plugin list stops start-up with its own one-line message.
  for (const stage of [UtilsPipeline, GuardrailPipeline, MaskerPipeline]) container.resolve<object>(stage);
  const app = await buildApp({ container, settings, logger, metrics });
  const server = app.listen(settings.port, settings.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const ready = `LLM Router listening on http://${settings.host}:${port} (${models.models.size} models, strategy ${settings.balanceStrategy})`;
  // Operators and scripts wait for this line, so it is printed whatever the log level.
  if (logger.isInfoEnabled()) logger.info(ready);
  else console.log(ready);

  const shutdown = () => {
    logger.info('shutting down');
    server.close();
    server.closeAllConnections();
    void container.resolve(UpstreamClient).close();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`llm-router: ${err.message}`);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`llm-router: ${(err as Error).message}`);
  else console.error(err);
  process.exit(1);
});
