import type { ChatCompletion } from '../canonical.js';
import { isObject } from '../request-fields.js';

/** Accepts an OpenAI-compatible completion as canonical; null when it is not one. */
export function readOpenAIChatCompletion(body: unknown): ChatCompletion | null {
  if (!isObject(body) || !Array.isArray(body['choices'])) return null;
  return body as unknown as ChatCompletion;
}
