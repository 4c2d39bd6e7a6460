import { invalidRequest } from '../../errors/errors.js';
import type { ChatRequest } from '../canonical.js';
import { isObject, optionalBoolean, requireArray, requireObject, requireString } from '../request-fields.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** Checks an OpenAI chat-completions body; it already is the canonical form, so it is returned as is. */
export function readOpenAIChatRequest(raw: unknown): ChatRequest {
  const body = requireObject(raw);
  requireString(body, 'model');
  const messages = requireArray(body, 'messages');
  if (messages.length === 0) throw invalidRequest("'messages' must contain at least one message", 'messages');
  messages.forEach((m, i) => {
    if (!isObject(m)) throw invalidRequest(`'messages[${i}]' must be an object`, `messages[${i}]`);
    if (typeof m['role'] !== 'string' || !ROLES.has(m['role'])) {
      throw invalidRequest(`'messages[${i}].role' must be one of ${[...ROLES].join(', ')}`, `messages[${i}].role`);
    }
  });
  optionalBoolean(body, 'stream');
  if (body['tools'] !== undefined && !Array.isArray(body['tools']))
    throw invalidRequest("'tools' must be an array", 'tools');
  return body as ChatRequest;
}
