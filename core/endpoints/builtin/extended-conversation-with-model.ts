import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions } from './builtin-call.js';
import { history, historyMessages } from './conversation-with-model.js';

const body = generationOptions.extend({
  user_last_statement: z.string().min(1),
  system_prompt: z.string().min(1),
  historical_messages: history,
});

/**
 * A chat turn with the caller's own system prompt (documented here: the one place a client sets it). The
 * history goes before the last statement (the Python router put it after).
 */
@injectable()
export class ExtendedConversationWithModel {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('extended_conversation_with_model')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    await this.call.single(ex, started, o, o.system_prompt, [
      ...historyMessages(o.historical_messages),
      { role: 'user', content: o.user_last_statement },
    ]);
  }
}
