import { inject, injectable } from 'tsyringe';
import { LiveModels } from '../../config/live-models.js';
import type { ModelConfig } from '../../config/models-config.js';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/** LM Studio's REST `GET /api/v0/models`. */
@injectable()
export class LmStudioModels {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('v0/models')], dialect: 'openai' };
  constructor(@inject(LiveModels) private readonly models: LiveModels) {}

  handle({ res }: Exchange): void {
    res.status(200).type('application/json').send(this.models.derived('lmstudio-models', listBody));
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
