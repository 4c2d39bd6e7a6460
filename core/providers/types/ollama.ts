import { bearer, type Operation, type ProviderType } from '../provider-type.js';

/** Ollama's native API (`/api/chat`, `/api/embed`). */
export class OllamaProvider implements ProviderType {
  static readonly apiType = 'ollama' as const;
  readonly apiType = OllamaProvider.apiType;
  readonly family = 'ollama' as const;
  path(op: Operation): string | null {
    return { chat: '/api/chat', responses: null, embeddings: '/api/embed' }[op];
  }
  headers(token: string) {
    return bearer(token);
  }
}
