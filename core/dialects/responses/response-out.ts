import { type ChatCompletion, cachedTokensOf, type FinishReason } from '../canonical.js';
import type { Json } from '../request-fields.js';

export interface OutputItems {
  text: string;
  calls: Array<{ id: string; name: string; arguments: string }>;
}

/** The Response object the OpenAI SDK expects, from text and tool calls. */
export function responseObject(
  id: string,
  request: Json,
  output: Json[],
  finish: FinishReason | null,
  usage: { input: number; output: number; cached?: number },
  status?: string,
): Json {
  const incomplete = finish === 'length';
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: status ?? (incomplete ? 'incomplete' : 'completed'),
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: request['instructions'] ?? null,
    max_output_tokens: request['max_output_tokens'] ?? null,
    model: request['model'],
    output,
    parallel_tool_calls: request['parallel_tool_calls'] ?? true,
    temperature: request['temperature'] ?? null,
    top_p: request['top_p'] ?? null,
    tool_choice: request['tool_choice'] ?? 'auto',
    tools: request['tools'] ?? [],
    text: request['text'] ?? { format: { type: 'text' } },
    metadata: request['metadata'] ?? {},
    usage: {
      input_tokens: usage.input,
      input_tokens_details: { cached_tokens: usage.cached ?? 0 },
      output_tokens: usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.input + usage.output,
    },
  };
}

export const messageItem = (id: string, text: string, status = 'completed'): Json => ({
  type: 'message',
  id,
  status,
  role: 'assistant',
  content: [{ type: 'output_text', text, annotations: [] }],
});

export const functionCallItem = (
  id: string,
  call: { id: string; name: string; arguments: string },
  status = 'completed',
): Json => ({
  type: 'function_call',
  id,
  call_id: call.id,
  name: call.name,
  arguments: call.arguments,
  status,
});

/** Canonical completion → Response object. */
export function writeResponse(c: ChatCompletion, request: Json): Json {
  const choice = c.choices[0];
  const output: Json[] = [];
  if (choice?.message.content) output.push(messageItem(`msg_${c.id}`, choice.message.content));
  for (const [i, call] of (choice?.message.tool_calls ?? []).entries()) {
    output.push(
      functionCallItem(`fc_${c.id}_${i}`, {
        id: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
      }),
    );
  }
  return responseObject(`resp_${c.id}`, request, output, choice?.finish_reason ?? 'stop', {
    input: c.usage?.prompt_tokens ?? 0,
    output: c.usage?.completion_tokens ?? 0,
    cached: cachedTokensOf(c.usage),
  });
}
