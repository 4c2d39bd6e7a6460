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
    group: 'openai',
  };
  constructor(@inject(LiveModels) private readonly models: LiveModels) {}

  handle({ res, principal }: Exchange): void {
    // A key sees only the models its policy allows (computed per request; the full list once per config).
    const body = principal
      ? listBody(new Map([...this.models.models].filter(([name]) => principal.allowsModel(name))))
      : this.models.derived('openai-models', listBody);
    res.status(200).type('application/json').send(body);
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
