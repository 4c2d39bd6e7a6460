import { inject, injectable } from 'tsyringe';
import { responsesClientDialect } from '../../dialects/responses/dialect.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class OpenAIResponses {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [unprefixed('/v1/responses'), unprefixed('/responses')],
    dialect: 'openai',
  };
  constructor(@inject(ChatPipeline) private readonly pipeline: ChatPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(responsesClientDialect, ex);
  }
}
