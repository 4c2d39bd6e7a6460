import { notCarried } from '../../errors/errors.js';
import type { ChatRequest } from '../canonical.js';
import type { ClientChatDialect, ProviderChatDialect } from '../chat-dialect.js';
import { isObject } from '../request-fields.js';
import { readOpenAIChatRequest } from './chat-request.js';
import { readOpenAIChatCompletion } from './chat-response.js';
import { OpenAIStreamDecoder, OpenAIStreamEncoder } from './chat-stream.js';

/** OpenAI's file parts carry data or an id, never a URL (an Anthropic document or Responses file by URL). */
function refuseFileUrls(request: ChatRequest): void {
  for (const [i, m] of request.messages.entries()) {
    if (!Array.isArray(m.content)) continue;
    for (const [j, p] of m.content.entries())
      if (p.type === 'file' && p.file.file_url)
        throw notCarried('a file given by URL', `messages[${i}].content[${j}]`, 'openai');
  }
}

export const openAIClientDialect: ClientChatDialect = {
  name: 'openai',
  family: 'openai',
  operation: 'chat',
  streamContentType: 'text/event-stream; charset=utf-8',
  validate: (body) => void readOpenAIChatRequest(body),
  read: (body) => readOpenAIChatRequest(body),
  write: (result) => result,
  streamEncoder: (request) =>
    new OpenAIStreamEncoder(isObject(request['stream_options']) && request['stream_options']['include_usage'] === true),
};

export const openAIProviderDialect: ProviderChatDialect = {
  family: 'openai',
  write(request: ChatRequest, stream: boolean) {
    refuseFileUrls(request);
    const body: ChatRequest = { ...request, stream };
    // Other dialects report usage at the end of a stream, so ask for it.
    if (stream) body.stream_options = { ...request.stream_options, include_usage: true };
    else delete body.stream_options;
    return body;
  },
  read: readOpenAIChatCompletion,
  streamDecoder: () => new OpenAIStreamDecoder(),
};
