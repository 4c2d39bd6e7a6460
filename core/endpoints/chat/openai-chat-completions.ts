import { inject, injectable } from 'tsyringe';
import { openAIClientDialect } from '../../dialects/openai/dialect.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { prefixed, type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class OpenAIChatCompletions {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [unprefixed('/v1/chat/completions'), unprefixed('/chat/completions'), prefixed('chat/completions')],
    dialect: 'openai',
    group: 'openai',
  };
  constructor(@inject(ChatPipeline) private readonly pipeline: ChatPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(openAIClientDialect, ex);
  }
}
