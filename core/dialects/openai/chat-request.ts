import { checkBody } from '../body-schema.js';
import type { ChatRequest } from '../canonical.js';
import { openAIChatSchema } from './chat-schema.js';

/** Checks an OpenAI chat-completions body; it already is the canonical form, so it is returned as is. */
export function readOpenAIChatRequest(raw: unknown): ChatRequest {
  return checkBody(openAIChatSchema, raw) as ChatRequest;
}
