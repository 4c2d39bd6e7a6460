import { anthropicProviderDialect } from './anthropic/dialect.js';
import type { ProviderChatDialect } from './chat-dialect.js';
import { ollamaProviderDialect } from './ollama/dialect.js';
import { openAIProviderDialect } from './openai/dialect.js';
import type { ProtocolFamily } from './protocol.js';

/** One per wire protocol; provider types name theirs by `family`. */
export const PROVIDER_DIALECTS: Readonly<Record<ProtocolFamily, ProviderChatDialect>> = {
  openai: openAIProviderDialect,
  anthropic: anthropicProviderDialect,
  ollama: ollamaProviderDialect,
};
