import { bearer, type Operation, type ProviderType } from '../provider-type.js';

/** llama.cpp's `llama-server` (the reference lists it but cannot dispatch to it). */
export class LlamaCppProvider implements ProviderType {
  static readonly apiType = 'llama.cpp' as const;
  readonly apiType = LlamaCppProvider.apiType;
  readonly family = 'openai' as const;
  path(op: Operation): string | null {
    return { chat: '/v1/chat/completions', responses: null, embeddings: '/v1/embeddings' }[op];
  }
  headers(token: string) {
    return bearer(token);
  }
}
