import { inject, injectable } from 'tsyringe';
import { LiveModels } from '../../config/live-models.js';
import type { ModelConfig } from '../../config/models-config.js';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/** LM Studio's REST `GET /api/v0/models`. */
@injectable()
export class LmStudioModels {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: [prefixed('v0/models')],
    dialect: 'openai',
    group: 'lmstudio',
  };
  constructor(@inject(LiveModels) private readonly models: LiveModels) {}

  handle({ res, principal }: Exchange): void {
    // A key sees only the models its policy allows (computed per request; the full list once per config).
    const body = principal
      ? listBody(new Map([...this.models.models].filter(([name]) => principal.allowsModel(name))))
      : this.models.derived('lmstudio-models', listBody);
    res.status(200).type('application/json').send(body);
  }
}

function listBody(models: ReadonlyMap<string, ModelConfig>): string {
  const data = [...models.values()].map((m) => ({
    id: m.name,
    object: 'model',
    type: m.isEmbedding ? 'embeddings' : 'llm',
    publisher: m.providers[0]!.api_type,
    arch: m.name,
    compatibility_type: 'gguf',
    quantization: 'unknown',
    state: 'loaded',
    max_context_length: m.providers[0]!.input_size,
  }));
  return JSON.stringify({ object: 'list', data });
}
