import { inject, injectable } from 'tsyringe';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions, textList } from './builtin-call.js';

const body = generationOptions.extend({ texts: textList });

/** Each text in simpler words: `{"response": [simplified…]}` in the texts' order. */
@injectable()
export class SimplifyText {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('simplify_text')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    this.call.noStream(o);
    const system = this.call.prompt('simplify-text', o);
    this.call.respond(
      ex,
      started,
      await this.call.perText(o.texts, (text) => this.call.ask(ex, o, system, [{ role: 'user', content: text }])),
    );
  }
}
