import { inject, injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import { METRICS, type Metrics } from '../../metrics/metrics.js';
import type { BalanceStrategy, CallOutcome } from '../strategy.js';
import { weightedOrder } from './weighted-order.js';

// Smoothing of the observed latency and error rate (exponentially weighted, this much per call).
const ALPHA = 0.2;
// Bounds keep a slow or failing provider in rotation, so it is seen to recover.
const MIN_FACTOR = 0.05;

interface Observed {
  latencyMs: number;
  errorRate: number;
}

/**
 * Weighted, with weights that move: each provider's configured weight times how fast it answers compared
 * with the fastest provider of the model, times its recent success rate, bounded and smoothed. The effective
 * weights are in /metrics as `llm_router_provider_dynamic_weight`.
 */
@injectable()
export class DynamicWeightedStrategy implements BalanceStrategy {
  static readonly id = 'dynamic_weighted';
  readonly exclusive = false;
  private readonly observed = new Map<string, Observed>();

  constructor(@inject(METRICS) private readonly metrics: Metrics) {}

  order(_model: ModelConfig, candidates: readonly ProviderConfig[]): ProviderConfig[] {
    const weights = this.weights(candidates);
    return weightedOrder(candidates, (p) => weights.get(p.id) ?? p.weight);
  }

  observe(provider: ProviderConfig, outcome: CallOutcome): void {
    const o = this.observed.get(provider.id);
    const error = outcome.ok ? 0 : 1;
    if (!o) {
      this.observed.set(provider.id, { latencyMs: outcome.latencyMs, errorRate: error });
      return;
    }
    if (outcome.ok) o.latencyMs += ALPHA * (outcome.latencyMs - o.latencyMs);
    o.errorRate += ALPHA * (error - o.errorRate);
  }

  /** Effective weights of a model's providers, published to the metrics. */
  weights(candidates: readonly ProviderConfig[]): Map<string, number> {
    const seen = candidates.map((p) => this.observed.get(p.id)).filter((o): o is Observed => o !== undefined);
    const fastest = seen.length ? Math.min(...seen.map((o) => Math.max(1, o.latencyMs))) : 1;
    const out = new Map<string, number>();
    for (const p of candidates) {
      const o = this.observed.get(p.id);
      const speed = o ? fastest / Math.max(1, o.latencyMs) : 1;
      const health = o ? 1 - o.errorRate : 1;
      const w = p.weight * Math.max(MIN_FACTOR, Math.min(1, speed * health));
      out.set(p.id, w);
      if (this.metrics.enabled) this.metrics.dynamicWeight.set({ provider: p.id }, w);
    }
    return out;
  }
}
