import { OPENAI_CHAT_ONLY_PATHS, PathTableProvider } from './path-table.js';

/** LM Studio's OpenAI-compatible server (older versions have no Responses API). */
export class LmStudioProvider extends PathTableProvider {
  static readonly apiType = 'lmstudio' as const;
  readonly apiType = LmStudioProvider.apiType;
  readonly family = 'openai' as const;
  protected readonly paths = OPENAI_CHAT_ONLY_PATHS;
}
