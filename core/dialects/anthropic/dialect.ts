import type { ClientChatDialect, ProviderChatDialect } from '../chat-dialect.js';
import { readAnthropicRequest, validateAnthropicRequest } from './request-in.js';
import { writeAnthropicRequest } from './request-out.js';
import { readAnthropicResponse, writeAnthropicResponse } from './response.js';
import { AnthropicStreamDecoder } from './stream-decoder.js';
import { AnthropicStreamEncoder } from './stream-encoder.js';

export const anthropicClientDialect: ClientChatDialect = {
  name: 'anthropic',
  family: 'anthropic',
  operation: 'chat',
  streamContentType: 'text/event-stream; charset=utf-8',
  validate: (body) => void validateAnthropicRequest(body),
  read: readAnthropicRequest,
  write: writeAnthropicResponse,
  streamEncoder: (request) => new AnthropicStreamEncoder(String(request['model'])),
};

export const anthropicProviderDialect: ProviderChatDialect = {
  family: 'anthropic',
  write: writeAnthropicRequest,
  read: readAnthropicResponse,
  streamDecoder: () => new AnthropicStreamDecoder(),
};
