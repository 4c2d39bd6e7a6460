import { cachedTokensOf, type Usage, usageOf } from '../canonical.js';
import type { Json } from '../request-fields.js';

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Anthropic counts cache reads and cache writes apart from `input_tokens`; OpenAI's `prompt_tokens` is all of
 * them, with the cache reads in `prompt_tokens_details.cached_tokens`.
 */
export function usageFromAnthropic(u: Json): Usage {
  const read = count(u['cache_read_input_tokens']);
  const written = count(u['cache_creation_input_tokens']);
  return usageOf(count(u['input_tokens']) + read + written, count(u['output_tokens']), read);
}

/** Canonical usage in Anthropic's terms: the cache reads out of `input_tokens`, in their own field. */
export function anthropicUsage(usage: Usage | undefined | null): Json {
  const cached = cachedTokensOf(usage);
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
    output_tokens: usage?.completion_tokens ?? 0,
    ...(cached > 0 ? { cache_read_input_tokens: cached } : {}),
  };
}
