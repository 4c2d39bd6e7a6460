import type { ApiType } from '../config/models-config.js';
import type { Operation, ProtocolFamily } from '../dialects/protocol.js';

export type { Operation, ProtocolFamily };

/** One kind of backend (`api_type`): its protocol, its paths and how it authenticates. */
export interface ProviderType {
  readonly apiType: ApiType;
  readonly family: ProtocolFamily;
  /** Upstream path for an operation, or null when the backend has no such API. */
  path(op: Operation): string | null;
  headers(token: string): Record<string, string>;
  /** What the provider monitor GETs: any answer under 500 means the backend is up. */
  readonly healthPath: string;
}

export interface ProviderTypeClass {
  new (): ProviderType;
  readonly apiType: ApiType;
}

export const bearer = (token: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
