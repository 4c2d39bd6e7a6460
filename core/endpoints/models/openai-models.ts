import { inject, injectable } from 'tsyringe';
import { LiveModels } from '../../config/live-models.js';
import type { ModelConfig } from '../../config/models-config.js';
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
  constructor(@inject(LiveModels) private readonly models: LiveModels) {}

  handle({ res }: Exchange): void {
    res.status(200).type('application/json').send(this.models.derived('openai-models', listBody));
  }
}

function listBody(models: ReadonlyMap<string, ModelConfig>): string {
  const data = [...models.values()].map((m) => ({
    id: m.name,
    object: 'model',
    created: STARTED,
    owned_by: m.providers[0]!.api_type,
  }));
  return JSON.stringify({ object: 'list', data });
}
