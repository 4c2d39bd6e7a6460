import { OPENAI_CHAT_ONLY_PATHS, PathTableProvider } from './path-table.js';

/** llama.cpp's `llama-server` (the reference lists it but cannot dispatch to it). */
export class LlamaCppProvider extends PathTableProvider {
  static readonly apiType = 'llama.cpp' as const;
  readonly apiType = LlamaCppProvider.apiType;
  readonly family = 'openai' as const;
  override readonly healthPath = '/health';
  protected readonly paths = OPENAI_CHAT_ONLY_PATHS;
}
