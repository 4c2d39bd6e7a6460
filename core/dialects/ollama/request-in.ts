import { checkBody } from '../body-schema.js';
import type { ChatMessage, ChatRequest, ContentPart, ToolCall } from '../canonical.js';
import { copyDefined, isObject, type Json } from '../request-fields.js';
import { dataUrlOf } from './images.js';
import { ollamaChatSchema } from './request-schema.js';

const _ROLES = new Set(['system', 'user', 'assistant', 'tool']);

// Ollama `options` that have an OpenAI-style top-level equivalent.
const OPTION_MAP: ReadonlyArray<readonly [string, string]> = [
  ['temperature', 'temperature'],
  ['top_p', 'top_p'],
  ['top_k', 'top_k'],
  ['num_predict', 'max_tokens'],
  ['seed', 'seed'],
  ['stop', 'stop'],
  ['frequency_penalty', 'frequency_penalty'],
  ['presence_penalty', 'presence_penalty'],
];

export function validateOllamaRequest(raw: unknown): Json {
  return checkBody(ollamaChatSchema, raw);
}

/** Ollama `/api/chat` request → canonical. */
export function readOllamaRequest(raw: unknown): ChatRequest {
  const body = validateOllamaRequest(raw);
  const messages: ChatMessage[] = [];
  const pending: ToolCall[] = [];
  let callCounter = 0;
  for (const m of body['messages'] as Json[]) {
    const role = m['role'] as ChatMessage['role'];
    const text = typeof m['content'] === 'string' ? m['content'] : '';
    if (role === 'tool') {
      // Ollama answers tool calls by name and order; canonical answers need the call's id.
      const at = pending.findIndex((c) => c.function.name === m['tool_name']);
      const call = pending.splice(Math.max(at, 0), 1)[0];
      messages.push({ role: 'tool', tool_call_id: call?.id ?? `call_${callCounter++}`, content: text });
      continue;
    }
    const msg: ChatMessage = { role, content: text };
    if (role === 'assistant' && typeof m['thinking'] === 'string' && m['thinking'])
      msg.reasoning_content = m['thinking'];
    if (Array.isArray(m['images']) && m['images'].length) {
      const parts: ContentPart[] = text ? [{ type: 'text', text }] : [];
      for (const img of m['images']) parts.push({ type: 'image_url', image_url: { url: dataUrlOf(String(img)) } });
      msg.content = parts;
    }
    if (role === 'assistant' && Array.isArray(m['tool_calls'])) {
      msg.tool_calls = m['tool_calls'].filter(isObject).map((c) => {
        const fn = isObject(c['function']) ? c['function'] : {};
        const call: ToolCall = {
          id: typeof c['id'] === 'string' ? c['id'] : `call_${callCounter++}`,
          type: 'function',
          function: {
            name: String(fn['name']),
            arguments: typeof fn['arguments'] === 'string' ? fn['arguments'] : JSON.stringify(fn['arguments'] ?? {}),
          },
        };
        pending.push(call);
        return call;
      });
      if (!text) msg.content = null;
    }
    messages.push(msg);
  }

  const out: ChatRequest = { model: body['model'] as string, messages };
  copyDefined(out, body, ['stream', 'tools']);
  const options = isObject(body['options']) ? body['options'] : {};
  for (const [from, to] of OPTION_MAP) if (options[from] !== undefined) out[to] = options[from];
  const format = body['format'];
  if (format === 'json') out.response_format = { type: 'json_object' };
  else if (isObject(format))
    out.response_format = { type: 'json_schema', json_schema: { name: 'response', schema: format } };
  return out;
}
