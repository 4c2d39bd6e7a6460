import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions, textList } from './builtin-call.js';

const body = generationOptions.extend({
  user_query: z.string().min(1),
  texts: textList,
  article_type: z.string().nullish(),
});

/** An article on `user_query` from the texts (joined into one message): `{"response": {"article_text"}}`. */
@injectable()
export class CreateFullArticleFromTexts {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('create_full_article_from_texts')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    let system = this.call.prompt('full-article', o, { '##USER_Q_STR##': o.user_query });
    if (o.article_type?.trim()) system += `\n\n${o.article_type.trim()}`;
    const content = o.texts
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .join('\n\n');
    await this.call.single(ex, started, o, system, [{ role: 'user', content }], (article_text) => ({ article_text }));
  }
}
