import { bearer, type Operation, type ProviderType } from '../provider-type.js';

const PATHS: Record<Operation, string> = {
  chat: '/v1/chat/completions',
  responses: '/v1/responses',
  embeddings: '/v1/embeddings',
};

/** OpenAI itself and any OpenAI-compatible cloud API. */
export class OpenAIProvider implements ProviderType {
  static readonly apiType = 'openai' as const;
  readonly apiType = OpenAIProvider.apiType;
  readonly family = 'openai' as const;
  path(op: Operation): string | null {
    return PATHS[op];
  }
  headers(token: string) {
    return bearer(token);
  }
}
