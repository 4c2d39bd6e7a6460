import { randomUUID } from 'node:crypto';
import { type ChatCompletion, cachedTokensOf, type FinishReason } from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';

export interface OutputItems {
  text: string;
  calls: Array<{ id: string; name: string; arguments: string }>;
}

/**
 * The Response object as the Responses API defines it (every required field of the openresponses schema), for
 * an answer a chat backend gave: settings echo the request, with the API's defaults where it set none.
 */
export function responseObject(
  id: string,
  request: Json,
  output: Json[],
  finish: FinishReason | null,
  usage: { input: number; output: number; cached?: number },
  status?: string,
): Json {
  const incomplete = finish === 'length';
  const state = status ?? (incomplete ? 'incomplete' : 'completed');
  const now = Math.floor(Date.now() / 1000);
  const reasoning = isObject(request['reasoning']) ? request['reasoning'] : null;
  return {
    id,
    object: 'response',
    created_at: now,
    completed_at: state === 'completed' ? now : null,
    status: state,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: typeof request['instructions'] === 'string' ? request['instructions'] : null,
    max_output_tokens: request['max_output_tokens'] ?? null,
    max_tool_calls: request['max_tool_calls'] ?? null,
    model: request['model'],
    previous_response_id: request['previous_response_id'] ?? (request as Record<symbol, unknown>)[PREVIOUS] ?? null,
    output,
    parallel_tool_calls: request['parallel_tool_calls'] ?? true,
    temperature: request['temperature'] ?? 1,
    top_p: request['top_p'] ?? 1,
    presence_penalty: request['presence_penalty'] ?? 0,
    frequency_penalty: request['frequency_penalty'] ?? 0,
    top_logprobs: request['top_logprobs'] ?? 0,
    truncation: request['truncation'] ?? 'disabled',
    tool_choice: request['tool_choice'] ?? 'auto',
    tools: Array.isArray(request['tools']) ? request['tools'].filter(isObject).map(functionTool) : [],
    text: textField(request['text']),
    reasoning: reasoning ? { effort: reasoning['effort'] ?? null, summary: reasoning['summary'] ?? null } : null,
    // True only when the gateway's response store keeps this answer (LLM_ROUTER_RESPONSES_STORE).
    store: (request as Record<symbol, unknown>)[KEPT] === true,
    background: false,
    service_tier: 'default',
    metadata: request['metadata'] ?? {},
    user: request['user'] ?? null,
    safety_identifier: request['safety_identifier'] ?? null,
    prompt_cache_key: request['prompt_cache_key'] ?? null,
    usage: {
      input_tokens: usage.input,
      input_tokens_details: { cached_tokens: usage.cached ?? 0 },
      output_tokens: usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.input + usage.output,
    },
  };
}

/** Marks on a request body, set by the response store: the answer will be kept; the id the input was built from. */
export const KEPT = Symbol('kept');
export const PREVIOUS = Symbol('previous response');

/** A unique response id: stored answers are found by it, across instances. */
export const responseId = () => `resp_${randomUUID().replaceAll('-', '')}`;

/** A function tool as the API echoes it: every field present, null where the request gave none. */
function functionTool(t: Json): Json {
  return {
    ...t,
    type: 'function',
    name: t['name'],
    description: t['description'] ?? null,
    parameters: t['parameters'] ?? null,
    strict: t['strict'] ?? null,
  };
}

function textField(text: unknown): Json {
  const t = isObject(text) ? text : {};
  return { ...t, format: isObject(t['format']) ? t['format'] : { type: 'text' } };
}

/** An output_text part; `logprobs` is always present (empty when the backend gave none). */
export const outputText = (text: string): Json => ({ type: 'output_text', text, annotations: [], logprobs: [] });

export const messageItem = (id: string, text: string, status = 'completed'): Json => ({
  type: 'message',
  id,
  status,
  role: 'assistant',
  content: [outputText(text)],
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
  return responseObject(responseId(), request, output, choice?.finish_reason ?? 'stop', {
    input: c.usage?.prompt_tokens ?? 0,
    output: c.usage?.completion_tokens ?? 0,
    cached: cachedTokensOf(c.usage),
  });
}
