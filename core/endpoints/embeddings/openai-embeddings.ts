import { inject, injectable } from 'tsyringe';
import { openAIEmbeddingsClient } from '../../dialects/embeddings/openai.js';
import type { Exchange } from '../../http/exchange.js';
import { EmbeddingsPipeline } from '../../pipeline/embeddings-pipeline.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class OpenAIEmbeddings {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [unprefixed('/v1/embeddings'), unprefixed('/embeddings')],
    dialect: 'openai',
    group: 'embeddings',
  };
  constructor(@inject(EmbeddingsPipeline) private readonly pipeline: EmbeddingsPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(openAIEmbeddingsClient, ex);
  }
}
