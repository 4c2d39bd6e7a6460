import { bearer, type Operation, type ProviderType } from '../provider-type.js';

/** LM Studio's OpenAI-compatible server; the Responses API is served by conversion to chat (older versions lack it). */
export class LmStudioProvider implements ProviderType {
  static readonly apiType = 'lmstudio' as const;
  readonly apiType = LmStudioProvider.apiType;
  readonly family = 'openai' as const;
  path(op: Operation): string | null {
    return { chat: '/v1/chat/completions', responses: null, embeddings: '/v1/embeddings' }[op];
  }
  headers(token: string) {
    return bearer(token);
  }
}
