import { bearer, type Operation, type ProviderType } from '../provider-type.js';

/** vLLM's OpenAI-compatible server, which also serves the Responses API. */
export class VllmProvider implements ProviderType {
  static readonly apiType = 'vllm' as const;
  readonly apiType = VllmProvider.apiType;
  readonly family = 'openai' as const;
  path(op: Operation): string | null {
    return { chat: '/v1/chat/completions', responses: '/v1/responses', embeddings: '/v1/embeddings' }[op];
  }
  headers(token: string) {
    return bearer(token);
  }
}
