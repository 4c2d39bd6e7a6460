/**
 * The gateway's inner language: OpenAI chat-completions shapes. Every client dialect is decoded into these,
 * every provider dialect is encoded from them, and answers travel back the same way.
 */
export interface TextPart {
  type: 'text';
  text: string;
}
export interface ImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: string };
}
/** OpenAI's file part; `file_url` carries an Anthropic document or a Responses input_file given by URL. */
export interface FilePart {
  type: 'file';
  file: { file_data?: string; file_id?: string; filename?: string; file_url?: string };
}
export type ContentPart = TextPart | ImagePart | FilePart;

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content?: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  reasoning_content?: string;
}

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string | string[];
  seed?: number;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown> } };
  [extra: string]: unknown;
}

export interface TokenLogprob {
  token: string;
  logprob?: number;
  bytes?: number[] | null;
  top_logprobs?: Array<{ token: string; logprob?: number; bytes?: number[] | null }>;
}

export interface Logprobs {
  content?: TokenLogprob[] | null;
  refusal?: TokenLogprob[] | null;
}

export interface Usage {
  /** Every input token, cached or not (OpenAI's meaning). */
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** The part of prompt_tokens read from the provider's prompt cache. */
  prompt_tokens_details?: { cached_tokens?: number };
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: {
      role: 'assistant';
      content: string | null;
      tool_calls?: ToolCall[];
      reasoning_content?: string;
      /** OpenAI's refusal text, when the model declined (passed on from OpenAI-compatible backends). */
      refusal?: string | null;
    };
    finish_reason: FinishReason | null;
    /** Token log probabilities, when a backend sent them (OpenAI's shape); null otherwise. */
    logprobs: Logprobs | null;
  }>;
  usage?: Usage;
}

export interface ChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: {
      role?: 'assistant';
      content?: string;
      tool_calls?: ToolCallDelta[];
      reasoning_content?: string;
      refusal?: string | null;
    };
    logprobs?: Logprobs | null;
    finish_reason: FinishReason | null;
  }>;
  usage?: Usage | null;
}

export const usageOf = (prompt: number, completion: number, cached = 0): Usage => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  ...(cached > 0 ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
});

export const cachedTokensOf = (usage: Usage | undefined | null): number =>
  usage?.prompt_tokens_details?.cached_tokens ?? 0;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function textOf(content: ChatMessage['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** Parses tool-call arguments for dialects that carry them as objects; a model's broken JSON is kept as a string. */
export function parseArguments(args: string): unknown {
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args);
  } catch {
    return { _raw: args };
  }
}
