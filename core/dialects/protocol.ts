/** The wire protocol a provider speaks; dialects are converted only when client and provider differ. */
export type ProtocolFamily = 'openai' | 'anthropic' | 'ollama';

/** What the gateway asks of a provider. */
export type Operation = 'chat' | 'responses' | 'embeddings';
