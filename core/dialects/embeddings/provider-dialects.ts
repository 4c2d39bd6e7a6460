import type { ProtocolFamily } from '../protocol.js';
import type { ProviderEmbeddingsDialect } from './embeddings-dialect.js';
import { ollamaEmbeddingsProvider } from './ollama.js';
import { openAIEmbeddingsProvider } from './openai.js';

/** Anthropic has no embeddings API, so it has no entry. */
export const PROVIDER_EMBEDDINGS: Readonly<Partial<Record<ProtocolFamily, ProviderEmbeddingsDialect>>> = {
  openai: openAIEmbeddingsProvider,
  ollama: ollamaEmbeddingsProvider,
};
