import { inject, injectable } from 'tsyringe';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions, textList } from './builtin-call.js';

const body = generationOptions.extend({ texts: textList });

/**
 * Each text translated into `language` (`pl` or `en`). The Python router translated into Polish whatever
 * the language; a caller that relied on that sends `"language": "pl"`, the default.
 */
@injectable()
export class Translate {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('translate')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    this.call.noStream(o);
    const system = this.call.prompt(this.call.language(o) === 'en' ? 'translate-to-en' : 'translate-to-pl', o);
    const response = await this.call.perText(o.texts, async (original) => ({
      original,
      translated: await this.call.ask(ex, o, system, [{ role: 'user', content: original }]),
    }));
    this.call.respond(ex, started, response);
  }
}
