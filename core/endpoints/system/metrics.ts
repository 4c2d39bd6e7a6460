import { inject, injectable } from 'tsyringe';
import type { Exchange } from '../../http/exchange.js';
import { METRICS, type Metrics } from '../../metrics/metrics.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class PrometheusMetrics {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: [unprefixed('/metrics')],
    dialect: 'openai',
    group: 'system',
    enabled: (s) => s.prometheus,
  };
  constructor(@inject(METRICS) private readonly metrics: Metrics) {}
  async handle({ res }: Exchange): Promise<void> {
    res
      .status(200)
      .type(this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }
}
