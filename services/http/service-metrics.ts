import { Counter, Histogram, Registry } from 'prom-client';

/** The sidecar's own /metrics: cache use and inference time per service. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly cacheHits = new Counter({
    name: 'llm_router_sidecar_cache_hits_total',
    help: 'Texts answered from the result cache',
    labelNames: ['service'],
    registers: [this.registry],
  });
  readonly cacheMisses = new Counter({
    name: 'llm_router_sidecar_cache_misses_total',
    help: 'Texts sent to a model',
    labelNames: ['service'],
    registers: [this.registry],
  });
  readonly inferenceSeconds = new Histogram({
    name: 'llm_router_sidecar_inference_seconds',
    help: 'Time of one batch of inference, queueing included',
    labelNames: ['service'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly blocked = new Counter({
    name: 'llm_router_sidecar_unsafe_total',
    help: 'Guard calls answered unsafe',
    labelNames: ['service'],
    registers: [this.registry],
  });
}
