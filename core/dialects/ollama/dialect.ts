import type { ClientChatDialect, ProviderChatDialect } from '../chat-dialect.js';
import { readOllamaRequest, validateOllamaRequest } from './request-in.js';
import { writeOllamaRequest } from './request-out.js';
import { readOllamaResponse, writeOllamaResponse } from './response.js';
import { OllamaStreamDecoder, OllamaStreamEncoder } from './stream.js';

export const ollamaClientDialect: ClientChatDialect = {
  name: 'ollama',
  family: 'ollama',
  operation: 'chat',
  streamContentType: 'application/x-ndjson',
  validate: (body) => void validateOllamaRequest(body),
  read: readOllamaRequest,
  write: writeOllamaResponse,
  streamEncoder: (request) => new OllamaStreamEncoder(request['model']),
};

export const ollamaProviderDialect: ProviderChatDialect = {
  family: 'ollama',
  write: writeOllamaRequest,
  read: readOllamaResponse,
  streamDecoder: () => new OllamaStreamDecoder(),
};
