import { type ChatCompletion, nowSeconds, parseArguments, type ToolCall } from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';
import { finishReasonOf, stopReasonOf } from './stop-reasons.js';
import { anthropicUsage, usageFromAnthropic } from './usage.js';

/** Anthropic message → canonical completion; null when the body is not a message. */
export function readAnthropicResponse(body: unknown): ChatCompletion | null {
  if (!isObject(body) || body['type'] !== 'message' || !Array.isArray(body['content'])) return null;
  let text = '';
  let thinking = '';
  const toolCalls: ToolCall[] = [];
  for (const block of body['content'].filter(isObject)) {
    if (block['type'] === 'text') text += String(block['text'] ?? '');
    else if (block['type'] === 'thinking') thinking += String(block['thinking'] ?? '');
    else if (block['type'] === 'tool_use') {
      toolCalls.push({
        id: String(block['id']),
        type: 'function',
        function: { name: String(block['name']), arguments: JSON.stringify(block['input'] ?? {}) },
      });
    }
  }
  const usage = isObject(body['usage']) ? body['usage'] : {};
  return {
    id: String(body['id'] ?? `msg_${Date.now()}`),
    object: 'chat.completion',
    created: nowSeconds(),
    model: String(body['model'] ?? ''),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text || (toolCalls.length ? null : ''),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(thinking ? { reasoning_content: thinking } : {}),
        },
        finish_reason: finishReasonOf(body['stop_reason']) ?? 'stop',
        logprobs: null,
      },
    ],
    usage: usageFromAnthropic(usage),
  };
}

/** Canonical completion → Anthropic message, as the client asked for it. */
export function writeAnthropicResponse(c: ChatCompletion, request: Json): Json {
  const choice = c.choices[0];
  const content: Json[] = [];
  if (choice?.message.reasoning_content)
    content.push({ type: 'thinking', thinking: choice.message.reasoning_content, signature: '' });
  if (choice?.message.content) content.push({ type: 'text', text: choice.message.content });
  for (const call of choice?.message.tool_calls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseArguments(call.function.arguments),
    });
  }
  return {
    id: c.id.startsWith('msg_') ? c.id : `msg_${c.id}`,
    type: 'message',
    role: 'assistant',
    model: request['model'],
    content,
    stop_reason: stopReasonOf(choice?.finish_reason ?? 'stop'),
    stop_sequence: null,
    usage: anthropicUsage(c.usage),
  };
}
