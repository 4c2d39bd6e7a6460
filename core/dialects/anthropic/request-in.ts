import { checkBody } from '../body-schema.js';
import type { ChatMessage, ChatRequest, ContentPart, ToolCall, ToolChoice, ToolDefinition } from '../canonical.js';
import { copyDefined, isObject, type Json } from '../request-fields.js';
import { anthropicRequestSchema } from './request-schema.js';

/** Checks what Anthropic's API requires of a Messages body. */
export function validateAnthropicRequest(raw: unknown): Json {
  return checkBody(anthropicRequestSchema, raw);
}

/** Anthropic Messages request → canonical. */
export function readAnthropicRequest(raw: unknown): ChatRequest {
  const body = validateAnthropicRequest(raw);
  const messages: ChatMessage[] = [];
  const system = systemText(body['system']);
  if (system) messages.push({ role: 'system', content: system });
  for (const m of body['messages'] as Json[]) for (const read of readMessage(m)) messages.push(read);

  const out: ChatRequest = { model: body['model'] as string, messages, max_tokens: body['max_tokens'] as number };
  copyDefined(out, body, ['stream', 'temperature', 'top_p', 'top_k']);
  if (Array.isArray(body['stop_sequences'])) out.stop = body['stop_sequences'] as string[];
  if (isObject(body['metadata']) && typeof body['metadata']['user_id'] === 'string')
    out['user'] = body['metadata']['user_id'];
  const tools = readTools(body['tools']);
  if (tools) out.tools = tools;
  if (isObject(body['tool_choice'])) {
    const { choice, parallel } = readToolChoice(body['tool_choice']);
    if (choice) out.tool_choice = choice;
    if (parallel === false) out['parallel_tool_calls'] = false;
  }
  return out;
}

function systemText(system: unknown): string {
  if (typeof system === 'string') return system;
  if (Array.isArray(system))
    return system
      .filter(isObject)
      .map((b) => (typeof b['text'] === 'string' ? b['text'] : ''))
      .join('\n');
  return '';
}

function readMessage(m: Json): ChatMessage[] {
  const role = m['role'] as 'user' | 'assistant';
  if (typeof m['content'] === 'string') return [{ role, content: m['content'] }];
  const parts: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  const toolResults: ChatMessage[] = [];
  let thinking = '';
  for (const block of (m['content'] as unknown[]).filter(isObject)) {
    switch (block['type']) {
      case 'text':
        parts.push({ type: 'text', text: String(block['text'] ?? '') });
        break;
      case 'image': {
        const url = imageUrl(block['source']);
        if (url) parts.push({ type: 'image_url', image_url: { url } });
        break;
      }
      case 'tool_use':
        toolCalls.push({
          id: String(block['id']),
          type: 'function',
          function: { name: String(block['name']), arguments: JSON.stringify(block['input'] ?? {}) },
        });
        break;
      case 'tool_result':
        toolResults.push({
          role: 'tool',
          tool_call_id: String(block['tool_use_id']),
          content: toolResultText(block['content']),
        });
        break;
      case 'document':
        parts.push(documentPart(block));
        break;
      case 'thinking':
        thinking += String(block['thinking'] ?? '');
        break;
      default:
        // redacted_thinking is encrypted for Anthropic alone: no other backend can read it. Anything else was
        // refused by the schema.
        break;
    }
  }
  const out: ChatMessage[] = [...toolResults];
  if (role === 'assistant') {
    const text = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    if (text || toolCalls.length || thinking)
      out.push({
        role,
        content: text || null,
        ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        ...(thinking ? { reasoning_content: thinking } : {}),
      });
  } else if (parts.length) {
    out.push({
      role,
      content: parts.every((p) => p.type === 'text') ? parts.map((p) => (p as { text: string }).text).join('') : parts,
    });
  }
  return out;
}

/** A document block as a file part: inline data as a data: URL, a URL as file_url, plain text as text/plain. */
function documentPart(block: Json): ContentPart {
  const source = isObject(block['source']) ? block['source'] : {};
  const filename = typeof block['title'] === 'string' ? block['title'] : undefined;
  const named = filename ? { filename } : {};
  if (source['type'] === 'url') return { type: 'file', file: { file_url: String(source['url']), ...named } };
  if (source['type'] === 'text') {
    const data = Buffer.from(String(source['data'] ?? ''), 'utf8').toString('base64');
    return { type: 'file', file: { file_data: `data:text/plain;base64,${data}`, ...named } };
  }
  if (source['type'] === 'file') return { type: 'file', file: { file_id: String(source['file_id']), ...named } };
  const media = String(source['media_type'] ?? 'application/pdf');
  return { type: 'file', file: { file_data: `data:${media};base64,${String(source['data'] ?? '')}`, ...named } };
}

function imageUrl(source: unknown): string | null {
  if (!isObject(source)) return null;
  if (source['type'] === 'base64') return `data:${String(source['media_type'])};base64,${String(source['data'])}`;
  if (source['type'] === 'url') return String(source['url']);
  return null;
}

function toolResultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .filter(isObject)
      .map((b) => (b['type'] === 'text' ? String(b['text']) : ''))
      .join('');
  return '';
}

function readTools(tools: unknown): ToolDefinition[] | undefined {
  if (!Array.isArray(tools)) return undefined;
  const out = tools
    .filter((t): t is Json => isObject(t) && typeof t['name'] === 'string' && isObject(t['input_schema']))
    .map((t) => ({
      type: 'function' as const,
      function: {
        name: t['name'] as string,
        ...(typeof t['description'] === 'string' ? { description: t['description'] } : {}),
        parameters: t['input_schema'] as Json,
      },
    }));
  return out.length ? out : undefined;
}

function readToolChoice(choice: Json): { choice?: ToolChoice; parallel?: boolean } {
  const parallel = choice['disable_parallel_tool_use'] === true ? false : undefined;
  switch (choice['type']) {
    case 'auto':
      return { choice: 'auto', parallel };
    case 'any':
      return { choice: 'required', parallel };
    case 'none':
      return { choice: 'none' };
    case 'tool':
      return { choice: { type: 'function', function: { name: String(choice['name']) } }, parallel };
    default:
      return {};
  }
}
