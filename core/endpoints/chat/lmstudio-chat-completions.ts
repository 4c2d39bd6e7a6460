import { inject, injectable } from 'tsyringe';
import { openAIClientDialect } from '../../dialects/openai/dialect.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/** LM Studio's REST chat endpoint speaks OpenAI chat-completions. */
@injectable()
export class LmStudioChatCompletions {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('v0/chat/completions')],
    dialect: 'openai',
    group: 'lmstudio',
  };
  constructor(@inject(ChatPipeline) private readonly pipeline: ChatPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(openAIClientDialect, ex);
  }
}
