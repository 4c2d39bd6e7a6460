import { createHash } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { MODELS_CONFIG, type ModelsConfig } from '../../config/models-config.js';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

const STARTED = new Date().toISOString();

/** Ollama's own `/api/tags` shape; no provider host or token is ever listed (the reference leaked hosts). */
@injectable()
export class OllamaTags {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('tags')], dialect: 'ollama' };
  private readonly body: string;

  constructor(@inject(MODELS_CONFIG) models: ModelsConfig) {
    const list = [...models.models.values()].map((m) => ({
      name: m.name,
      model: m.name,
      modified_at: STARTED,
      size: 0,
      digest: createHash('sha256').update(m.name).digest('hex'),
      details: {
        parent_model: '',
        format: 'gguf',
        family: '',
        families: null,
        parameter_size: '',
        quantization_level: '',
      },
    }));
    this.body = JSON.stringify({ models: list });
  }

  handle({ res }: Exchange): void {
    res.status(200).type('application/json').send(this.body);
  }
}
