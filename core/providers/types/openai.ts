import { OPENAI_PATHS, PathTableProvider } from './path-table.js';

/** OpenAI itself and any OpenAI-compatible cloud API. */
export class OpenAIProvider extends PathTableProvider {
  static readonly apiType = 'openai' as const;
  readonly apiType = OpenAIProvider.apiType;
  readonly family = 'openai' as const;
  protected readonly paths = OPENAI_PATHS;
}
