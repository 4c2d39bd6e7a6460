import type { ProtocolFamily } from '../protocol.js';
import type { Json } from '../request-fields.js';

export interface EmbeddingRequest {
  model: string;
  input: string | string[] | number[] | number[][];
  dimensions?: number;
}

export interface EmbeddingResult {
  model: string;
  vectors: number[][];
  promptTokens: number;
}

export interface ClientEmbeddingsDialect {
  readonly name: string;
  readonly family: ProtocolFamily;
  validate(body: Json): void;
  read(body: Json): EmbeddingRequest;
  write(result: EmbeddingResult, request: Json): unknown;
}

export interface ProviderEmbeddingsDialect {
  write(request: EmbeddingRequest): Json;
  read(body: unknown): EmbeddingResult | null;
}
