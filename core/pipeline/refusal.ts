import type { ChatChunk, ChatCompletion } from '../dialects/canonical.js';
import { nowSeconds } from '../dialects/canonical.js';
import type { GatewayError } from '../errors/gateway-error.js';

const text = (block: GatewayError) => `I can't help with that request. ${block.message}.`;

/** A guardrail block as an ordinary assistant answer (LLM_ROUTER_REJECTION_MODE=assistant_message). */
export function refusalCompletion(block: GatewayError, model: string): ChatCompletion {
  return {
    id: `refusal-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text(block) },
        finish_reason: 'content_filter',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

/** The same answer as canonical stream chunks, for a well-formed stream in any dialect. */
export function refusalChunks(block: GatewayError, model: string): ChatChunk[] {
  const base = {
    id: `refusal-${Date.now().toString(36)}`,
    object: 'chat.completion.chunk' as const,
    created: nowSeconds(),
    model,
  };
  return [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: text(block) }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'content_filter' }] },
    { ...base, choices: [], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } },
  ];
}
