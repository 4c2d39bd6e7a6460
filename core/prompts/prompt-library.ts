import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StartupError } from '../errors/startup-error.js';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PROMPT_NAMES = [
  'chat-conversation-simple',
  'answer-from-context-simple',
  'generate-questions',
  'translate-to-pl',
  'translate-to-en',
  'simplify-text',
  'news-on-sm',
  'full-article',
  'anonymize-text',
] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export const PROMPT_LIBRARY = Symbol('PromptLibrary');

/**
 * The built-in endpoints' system prompts, read once at start-up from LLM_ROUTER_PROMPTS_DIR:
 * `<dir>/<lang>/<name>.prompt`, or the Python router's layout `<dir>/builtin/system/<lang>/<name>.prompt`,
 * so its users can point at their own prompt folder. A missing prompt stops start-up naming the file.
 */
export class PromptLibrary {
  private constructor(private readonly prompts: ReadonlyMap<string, string>) {}

  static load(dir: string): PromptLibrary {
    const root = resolve(dir);
    const prompts = new Map<string, string>();
    for (const lang of LANGUAGES) {
      for (const name of PROMPT_NAMES) {
        const candidates = [
          join(root, lang, `${name}.prompt`),
          join(root, 'builtin', 'system', lang, `${name}.prompt`),
        ];
        const file = candidates.find((f) => existsSync(f));
        if (!file)
          throw new StartupError(
            `the prompt ${lang}/${name} is missing: expected ${candidates[0]} (LLM_ROUTER_PROMPTS_DIR=${dir})`,
          );
        prompts.set(`${lang}/${name}`, readFileSync(file, 'utf8').trim());
      }
    }
    return new PromptLibrary(prompts);
  }

  /** The prompt with each `##PLACEHOLDER##` of `values` replaced. */
  render(name: PromptName, lang: Language, values: Readonly<Record<string, string>> = {}): string {
    let text = this.prompts.get(`${lang}/${name}`)!;
    for (const [key, value] of Object.entries(values)) text = text.replaceAll(key, value);
    return text;
  }
}
