import { inject, injectable } from 'tsyringe';
import { ollamaClientDialect } from '../../dialects/ollama/dialect.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

@injectable()
export class OllamaChat {
  static readonly route: RouteSpec = { method: 'POST', paths: [prefixed('chat')], dialect: 'ollama', group: 'ollama' };
  constructor(@inject(ChatPipeline) private readonly pipeline: ChatPipeline) {}
  handle(ex: Exchange): Promise<void> {
    return this.pipeline.run(ollamaClientDialect, ex);
  }
}
