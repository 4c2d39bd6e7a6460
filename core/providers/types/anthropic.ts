import type { Operation, ProviderType } from '../provider-type.js';

const API_VERSION = '2023-06-01';

/** Anthropic's Messages API; it has no embeddings. */
export class AnthropicProvider implements ProviderType {
  static readonly apiType = 'anthropic' as const;
  readonly apiType = AnthropicProvider.apiType;
  readonly family = 'anthropic' as const;
  readonly healthPath = '/v1/models';
  path(op: Operation): string | null {
    return op === 'chat' ? '/v1/messages' : null;
  }
  headers(token: string): Record<string, string> {
    return token ? { 'x-api-key': token, 'anthropic-version': API_VERSION } : { 'anthropic-version': API_VERSION };
  }
}
