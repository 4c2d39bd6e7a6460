import { inject, injectable } from 'tsyringe';
import { MODELS_CONFIG, type ModelsConfig } from '../../config/models-config.js';
import type { Exchange } from '../../http/exchange.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

const STARTED = Math.floor(Date.now() / 1000);

@injectable()
export class OpenAIModels {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: [unprefixed('/v1/models'), unprefixed('/models')],
    dialect: 'openai',
  };
  private readonly body: string;

  constructor(@inject(MODELS_CONFIG) models: ModelsConfig) {
    const data = [...models.models.values()].map((m) => ({
      id: m.name,
      object: 'model',
      created: STARTED,
      owned_by: m.providers[0]!.api_type,
    }));
    this.body = JSON.stringify({ object: 'list', data });
  }

  handle({ res }: Exchange): void {
    res.status(200).type('application/json').send(this.body);
  }
}
