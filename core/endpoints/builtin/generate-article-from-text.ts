import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions } from './builtin-call.js';

const body = generationOptions.extend({ text: z.string().min(1) });

/** A short social-media news item from one text: `{"response": {"article_text"}}`. */
@injectable()
export class GenerateArticleFromText {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('generate_article_from_text')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    await this.call.single(
      ex,
      started,
      o,
      this.call.prompt('news-on-sm', o),
      [{ role: 'user', content: o.text }],
      (article_text) => ({ article_text }),
    );
  }
}
