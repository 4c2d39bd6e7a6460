import { createHash } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { LiveModels } from '../../config/live-models.js';
import type { ModelConfig } from '../../config/models-config.js';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

const STARTED = new Date().toISOString();

/** Ollama's own `/api/tags` shape; no provider host or token is ever listed (the reference leaked hosts). */
@injectable()
export class OllamaTags {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('tags')], dialect: 'ollama', group: 'ollama' };
  constructor(@inject(LiveModels) private readonly models: LiveModels) {}

  handle({ res, principal }: Exchange): void {
    // A key sees only the models its policy allows (computed per request; the full list once per config).
    const body = principal
      ? listBody(new Map([...this.models.models].filter(([name]) => principal.allowsModel(name))))
      : this.models.derived('ollama-tags', listBody);
    res.status(200).type('application/json').send(body);
  }
}

function listBody(models: ReadonlyMap<string, ModelConfig>): string {
  const list = [...models.values()].map((m) => ({
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
  return JSON.stringify({ models: list });
}
