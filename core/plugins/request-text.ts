import { type ChatMessage, type ChatRequest, textOf } from '../dialects/canonical.js';

const FIELDS = ['user_last_statement', 'query', 'prompt', 'input'] as const;

/**
 * The text the routers judge, as the reference picks it: the last message's content if it has any, else the
 * first of `user_last_statement`, `query`, `prompt`, `input` that has text.
 */
export function routingText(request: ChatRequest): string {
  const last = request.messages.at(-1);
  const content = last ? textOf(last.content) : '';
  if (content.trim() !== '') return content;
  for (const f of FIELDS) {
    const v = request[f];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return '';
}

/** The statement RAG answers, and the way to append the context to it in a copy of the request. */
export interface Statement {
  readonly text: string;
  extendedWith(addition: string): ChatRequest;
}

/**
 * `user_last_statement` when the client sent one (the built-in endpoints' field), else the last user message
 * (its last text part, when its content is parts); null when there is no such text.
 */
export function lastStatement(request: ChatRequest): Statement | null {
  const uls = request['user_last_statement'];
  if (typeof uls === 'string' && uls.trim() !== '')
    return { text: uls, extendedWith: (add) => ({ ...request, user_last_statement: uls + add }) };
  const at = request.messages.findLastIndex((m) => m.role === 'user');
  const message = request.messages[at];
  const text = message ? textOf(message.content) : '';
  if (!message || text.trim() === '') return null;
  return {
    text,
    extendedWith: (add) => {
      const messages = [...request.messages];
      messages[at] = extended(message, add);
      return { ...request, messages };
    },
  };
}

function extended(message: ChatMessage, add: string): ChatMessage {
  const { content } = message;
  if (typeof content === 'string' || content == null) return { ...message, content: (content ?? '') + add };
  const last = content.findLastIndex((p) => p.type === 'text');
  const parts = [...content];
  const part = parts[last];
  if (part && part.type === 'text') parts[last] = { ...part, text: part.text + add };
  else parts.push({ type: 'text', text: add });
  return { ...message, content: parts };
}
