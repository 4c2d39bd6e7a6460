import { OPENAI_PATHS, PathTableProvider } from './path-table.js';

/** vLLM's OpenAI-compatible server, which also serves the Responses API. */
export class VllmProvider extends PathTableProvider {
  static readonly apiType = 'vllm' as const;
  readonly apiType = VllmProvider.apiType;
  readonly family = 'openai' as const;
  override readonly healthPath = '/health';
  protected readonly paths = OPENAI_PATHS;
}
