import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import type { Exchange } from '../../http/exchange.js';
import type { Language } from '../../prompts/prompt-library.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { BuiltinCall, generationOptions, textList } from './builtin-call.js';

const body = generationOptions.extend({
  texts: textList,
  number_of_questions: z.number().int().min(1).max(100).default(1),
});

/** "3 questions" / "3 pytania" (Polish: 1 pytanie, 2–4 pytania except 12–14, else pytań). */
export function questionCount(n: number, lang: Language): string {
  if (lang === 'en') return `${n} question${n === 1 ? '' : 's'}`;
  if (n === 1) return '1 pytanie';
  const few = n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14);
  return `${n} ${few ? 'pytania' : 'pytań'}`;
}

/** The questions of an answer: its last paragraph, one per line, without list numbers. */
export function parseQuestions(answer: string): string[] {
  const block =
    answer
      .trim()
      .split(/\n\s*\n/)
      .at(-1) ?? '';
  return block
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^\d+[.)]\s*/, '')
        .trim(),
    )
    .filter((l) => l !== '');
}

@injectable()
export class GenerateQuestions {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('generate_questions')],
    dialect: 'openai',
    group: 'builtin',
  };
  constructor(@inject(BuiltinCall) private readonly call: BuiltinCall) {}

  async handle(ex: Exchange): Promise<void> {
    const started = performance.now();
    const o = this.call.parse(body, ex.body);
    this.call.noStream(o);
    const system = this.call.prompt('generate-questions', o, {
      '##QUESTION_NUM_STR##': questionCount(o.number_of_questions, this.call.language(o)),
    });
    const response = await this.call.perText(o.texts, async (text) => ({
      text,
      questions: parseQuestions(await this.call.ask(ex, o, system, [{ role: 'user', content: text }])),
    }));
    this.call.respond(ex, started, response);
  }
}
