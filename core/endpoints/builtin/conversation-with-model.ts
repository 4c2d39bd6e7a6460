import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { ChatMessage } from '../../dialects/canonical.js';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions } from './builtin-call.js';

/** Earlier turns, as the Python router's clients send them (`{"user": …}` / `{"assistant": …}`) or role/content. */
export const history = z
  .array(
    z.union([
      z.object({ user: z.string() }),
      z.object({ assistant: z.string() }),
      z.object({ role: z.enum(['user', 'assistant']), content: z.string() }),
    ]),
  )
  .default([]);

export function historyMessages(items: z.infer<typeof history>): ChatMessage[] {
  return items.map((m) =>
    'role' in m
      ? { role: m.role, content: m.content }
      : 'user' in m
        ? { role: 'user', content: m.user }
        : { role: 'assistant', content: m.assistant },
  );
}

const body = generationOptions.extend({ user_last_statement: z.string().min(1), historical_messages: history });

/** A chat turn with the library's conversation prompt: `{"response": text, "generation_time"}`. */
@injectable()
export class ConversationWithModel {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('conversation_with_model')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    const messages: ChatMessage[] = [
      ...historyMessages(o.historical_messages),
      { role: 'user', content: o.user_last_statement },
    ];
    await this.call.single(ex, started, o, this.call.prompt('chat-conversation-simple', o), messages);
  }
}
