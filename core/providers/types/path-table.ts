import type { ApiType } from '../../config/models-config.js';
import { bearer, type Operation, type ProtocolFamily, type ProviderType } from '../provider-type.js';

/** A backend described by a table of paths and bearer-token auth; each `api_type` only fills the table in. */
export abstract class PathTableProvider implements ProviderType {
  abstract readonly apiType: ApiType;
  abstract readonly family: ProtocolFamily;
  protected abstract readonly paths: Readonly<Record<Operation, string | null>>;
  readonly healthPath: string = '/v1/models';

  path(op: Operation): string | null {
    return this.paths[op];
  }

  headers(token: string): Record<string, string> {
    return bearer(token);
  }
}

export const OPENAI_PATHS = {
  chat: '/v1/chat/completions',
  responses: '/v1/responses',
  embeddings: '/v1/embeddings',
} as const;
/** For servers whose Responses API is missing or new: those requests are served through chat instead. */
export const OPENAI_CHAT_ONLY_PATHS = { ...OPENAI_PATHS, responses: null } as const;
