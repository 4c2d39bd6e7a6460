import {
  type ChatCompletion,
  type FinishReason,
  nowSeconds,
  parseArguments,
  type ToolCall,
  usageOf,
} from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';

export function ollamaToolCalls(raw: unknown, firstIndex = 0): ToolCall[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((c, i) => {
    const fn = isObject(c['function']) ? c['function'] : {};
    return {
      id: typeof c['id'] === 'string' ? c['id'] : `call_${firstIndex + i}`,
      type: 'function' as const,
      function: {
        name: String(fn['name'] ?? ''),
        arguments: typeof fn['arguments'] === 'string' ? fn['arguments'] : JSON.stringify(fn['arguments'] ?? {}),
      },
    };
  });
}

export const ollamaFinish = (doneReason: unknown, hasTools: boolean): FinishReason =>
  hasTools ? 'tool_calls' : doneReason === 'length' ? 'length' : 'stop';

export const epochOf = (createdAt: unknown): number => {
  const t = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
  return Number.isNaN(t) ? nowSeconds() : Math.floor(t / 1000);
};

/** Ollama chat answer → canonical completion. */
export function readOllamaResponse(body: unknown): ChatCompletion | null {
  if (!isObject(body) || !isObject(body['message'])) return null;
  const m = body['message'];
  const toolCalls = ollamaToolCalls(m['tool_calls']);
  const content = typeof m['content'] === 'string' ? m['content'] : '';
  return {
    id: `chatcmpl-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: epochOf(body['created_at']),
    model: String(body['model'] ?? ''),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: content || (toolCalls.length ? null : ''),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(typeof m['thinking'] === 'string' && m['thinking'] ? { reasoning_content: m['thinking'] } : {}),
        },
        finish_reason: ollamaFinish(body['done_reason'], toolCalls.length > 0),
        logprobs: null,
      },
    ],
    usage: usageOf(Number(body['prompt_eval_count'] ?? 0), Number(body['eval_count'] ?? 0)),
  };
}

const TIMINGS = { total_duration: 0, load_duration: 0, prompt_eval_duration: 0, eval_duration: 0 };

/** The closing line/fields Ollama clients read: done, reason and token counts. */
export function ollamaDone(model: unknown, finish: FinishReason | null, prompt: number, completion: number): Json {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: finish === 'length' ? 'length' : 'stop',
    ...TIMINGS,
    prompt_eval_count: prompt,
    eval_count: completion,
  };
}

/** Canonical completion → Ollama chat answer. */
export function writeOllamaResponse(c: ChatCompletion, request: Json): Json {
  const choice = c.choices[0];
  const message: Json = { role: 'assistant', content: choice?.message.content ?? '' };
  if (choice?.message.reasoning_content) message['thinking'] = choice.message.reasoning_content;
  if (choice?.message.tool_calls?.length) {
    message['tool_calls'] = choice.message.tool_calls.map((t) => ({
      function: { name: t.function.name, arguments: parseArguments(t.function.arguments) },
    }));
  }
  return {
    ...ollamaDone(
      request['model'],
      choice?.finish_reason ?? 'stop',
      c.usage?.prompt_tokens ?? 0,
      c.usage?.completion_tokens ?? 0,
    ),
    message,
  };
}
