import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { Exchange } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions, textList } from './builtin-call.js';

const body = generationOptions.extend({
  question_str: z.string().min(1),
  texts: z.union([textList, z.record(z.string(), z.array(z.string()))]),
  doc_name_in_answer: z.boolean().default(false),
  /** Appended to the library prompt after a blank line. */
  question_prompt: z.string().nullish(),
  /** Replaces the library prompt (documented: the caller owns this endpoint's instructions then). */
  system_prompt: z.string().nullish(),
});

/** An answer to `question_str` from the given passages only: `{"response": text}`. */
@injectable()
export class GenerativeAnswer {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('generative_answer')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    let system =
      o.system_prompt?.trim() ||
      this.call.prompt('answer-from-context-simple', o, { '##QUESTION_STR##': o.question_str });
    if (o.question_prompt?.trim()) system += `\n\n${o.question_prompt.trim()}`;
    const passages = Array.isArray(o.texts)
      ? o.texts
      : Object.entries(o.texts).flatMap(([doc, texts]) =>
          texts.map((t) => (o.doc_name_in_answer ? `Document name: ${doc}\nDocument context: ${t}` : t)),
        );
    await this.call.single(ex, started, o, system, [
      { role: 'user', content: passages.map((p) => `${p}\n\n`).join('') },
    ]);
  }
}
