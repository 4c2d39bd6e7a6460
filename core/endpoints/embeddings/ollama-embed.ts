import { inject, injectable } from 'tsyringe';
import { ollamaEmbeddingsClient } from '../../dialects/embeddings/ollama.js';
import type { Exchange } from '../../http/exchange.js';
import { EmbeddingsPipeline } from '../../pipeline/embeddings-pipeline.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

@injectable()
export class OllamaEmbed {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('embed')],
    dialect: 'ollama',
    group: 'embeddings',
  };
  constructor(@inject(EmbeddingsPipeline) private readonly pipeline: EmbeddingsPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(ollamaEmbeddingsClient, ex);
  }
}
