import { inject, injectable } from 'tsyringe';
import { anthropicClientDialect } from '../../dialects/anthropic/dialect.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class AnthropicMessages {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [unprefixed('/v1/messages')],
    dialect: 'anthropic',
    group: 'anthropic',
  };
  constructor(@inject(ChatPipeline) private readonly pipeline: ChatPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(anthropicClientDialect, ex);
  }
}
