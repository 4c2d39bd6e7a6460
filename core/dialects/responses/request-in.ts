import { invalidRequest, notCarried } from '../../errors/errors.js';
import { checkBody } from '../body-schema.js';
import type { ChatMessage, ChatRequest, ContentPart, ToolChoice, ToolDefinition } from '../canonical.js';
import { copyDefined, isObject, type Json } from '../request-fields.js';
import { responsesRequestSchema } from './request-schema.js';

export function validateResponsesRequest(raw: unknown): Json {
  return checkBody(responsesRequestSchema, raw);
}

/** Responses API request → canonical chat, for backends without the Responses API. */
export function readResponsesRequest(raw: unknown): ChatRequest {
  const body = validateResponsesRequest(raw);
  if (body['previous_response_id'] != null) {
    throw invalidRequest(
      "'previous_response_id' needs a backend that stores responses or LLM_ROUTER_RESPONSES_STORE on this gateway; send the whole conversation in 'input'",
      'previous_response_id',
    );
  }
  const messages: ChatMessage[] = [];
  if (typeof body['instructions'] === 'string' && body['instructions'])
    messages.push({ role: 'system', content: body['instructions'] });
  const input = body['input'];
  if (typeof input === 'string') messages.push({ role: 'user', content: input });
  else
    (input as unknown[]).forEach((item, i) => {
      readItem(item, i, messages);
    });

  const out: ChatRequest = { model: body['model'] as string, messages };
  copyDefined(out, body, ['stream', 'temperature', 'top_p', 'parallel_tool_calls', 'user']);
  if (typeof body['max_output_tokens'] === 'number') out.max_tokens = body['max_output_tokens'];
  const tools = readTools(body['tools']);
  if (tools.length) out.tools = tools;
  const choice = readToolChoice(body['tool_choice']);
  if (choice) out.tool_choice = choice;
  const format = isObject(body['text']) && isObject(body['text']['format']) ? body['text']['format'] : null;
  if (format?.['type'] === 'json_object') out.response_format = { type: 'json_object' };
  else if (format?.['type'] === 'json_schema') {
    out.response_format = {
      type: 'json_schema',
      json_schema: { name: String(format['name'] ?? 'response'), schema: format['schema'] as Json },
    };
  }
  return out;
}

function readItem(item: unknown, i: number, messages: ChatMessage[]): void {
  if (!isObject(item)) throw invalidRequest(`'input[${i}]' must be an object`, `input[${i}]`);
  const type = item['type'] ?? 'message';
  if (type === 'function_call') {
    const call = {
      id: String(item['call_id']),
      type: 'function' as const,
      function: { name: String(item['name']), arguments: String(item['arguments'] ?? '') },
    };
    const last = messages[messages.length - 1];
    if (last?.role === 'assistant' && last.tool_calls) last.tool_calls.push(call);
    else if (reasoningOnly(last)) last.tool_calls = [call];
    else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
  } else if (type === 'function_call_output') {
    messages.push({
      role: 'tool',
      tool_call_id: String(item['call_id']),
      content: typeof item['output'] === 'string' ? item['output'] : JSON.stringify(item['output']),
    });
  } else if (type === 'message') {
    const role = item['role'];
    if (role !== 'user' && role !== 'assistant' && role !== 'system' && role !== 'developer') {
      throw invalidRequest(`'input[${i}].role' must be user, assistant, system or developer`, `input[${i}].role`);
    }
    const content = readContent(item['content'], `input[${i}].content`);
    const last = messages[messages.length - 1];
    if (role === 'assistant' && reasoningOnly(last)) last.content = content;
    else messages.push({ role, content });
  } else if (type === 'reasoning') {
    // A reasoning item's summary is the reasoning of the assistant turn it came with.
    const summary = Array.isArray(item['summary'])
      ? item['summary']
          .filter(isObject)
          .map((s) => String(s['text'] ?? ''))
          .join('\n')
      : '';
    if (summary) messages.push({ role: 'assistant', content: null, reasoning_content: summary });
  } else if (type === 'item_reference') {
    throw invalidRequest(
      `'input[${i}]': an item_reference names a stored item, which a backend without the Responses API cannot resolve`,
      `input[${i}]`,
    );
  }
}

/** An assistant turn made from a reasoning item, waiting for the message or call it reasoned towards. */
function reasoningOnly(m: ChatMessage | undefined): m is ChatMessage {
  return m?.role === 'assistant' && m.content === null && !m.tool_calls && m.reasoning_content !== undefined;
}

function readContent(content: unknown, param: string): string | ContentPart[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: ContentPart[] = [];
  for (const [j, p] of content.entries()) {
    if (!isObject(p)) continue;
    if (p['type'] === 'input_text' || p['type'] === 'output_text')
      parts.push({ type: 'text', text: String(p['text'] ?? '') });
    else if (p['type'] === 'refusal') parts.push({ type: 'text', text: String(p['refusal'] ?? '') });
    else if (p['type'] === 'input_image') {
      const url =
        typeof p['image_url'] === 'string'
          ? p['image_url']
          : isObject(p['image_url'])
            ? String(p['image_url']['url'])
            : '';
      if (!url) throw notCarried('an image given by file_id', `${param}[${j}]`, 'chat completions');
      parts.push({ type: 'image_url', image_url: { url } });
    } else if (p['type'] === 'input_file') {
      const file: Record<string, string> = {};
      for (const k of ['file_data', 'file_id', 'filename', 'file_url'])
        if (typeof p[k] === 'string') file[k] = p[k] as string;
      parts.push({ type: 'file', file });
    }
  }
  return parts.every((p) => p.type === 'text') ? parts.map((p) => (p as { text: string }).text).join('') : parts;
}

function readTools(tools: unknown): ToolDefinition[] {
  if (!Array.isArray(tools)) return [];
  return tools.filter(isObject).map((t, i) => {
    if (t['type'] !== 'function')
      throw invalidRequest(
        `'tools[${i}]': only function tools can be served by this model's backend`,
        `tools[${i}].type`,
      );
    return {
      type: 'function' as const,
      function: {
        name: String(t['name']),
        ...(typeof t['description'] === 'string' ? { description: t['description'] } : {}),
        ...(isObject(t['parameters']) ? { parameters: t['parameters'] } : {}),
        ...(typeof t['strict'] === 'boolean' ? { strict: t['strict'] } : {}),
      },
    };
  });
}

function readToolChoice(choice: unknown): ToolChoice | undefined {
  if (choice === 'auto' || choice === 'none' || choice === 'required') return choice;
  if (isObject(choice) && choice['type'] === 'function')
    return { type: 'function', function: { name: String(choice['name']) } };
  return undefined;
}
