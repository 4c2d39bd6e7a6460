import type { ClientChatDialect } from '../chat-dialect.js';
import { readResponsesRequest, validateResponsesRequest } from './request-in.js';
import { writeResponse } from './response-out.js';
import { ResponsesStreamEncoder } from './stream-encoder.js';

/** OpenAI's Responses API: passed through to backends that have it, served through chat for the others. */
export const responsesClientDialect: ClientChatDialect = {
  name: 'responses',
  family: 'openai',
  operation: 'responses',
  streamContentType: 'text/event-stream; charset=utf-8',
  validate: (body) => void validateResponsesRequest(body),
  read: readResponsesRequest,
  write: writeResponse,
  streamEncoder: (request) => new ResponsesStreamEncoder(request),
};
