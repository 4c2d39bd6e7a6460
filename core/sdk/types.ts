/** Options every built-in endpoint takes (the router's defaults apply when left out). */
export interface GenerationOptions {
  model_name: string;
  language?: 'pl' | 'en';
  temperature?: number;
  max_new_tokens?: number;
  top_p?: number;
  top_k?: number;
  typical_p?: number;
  repetition_penalty?: number;
  /** Mask personal data in this request (restored in the answer). */
  anonymize?: boolean;
}

export type HistoryItem = { user: string } | { assistant: string } | { role: 'user' | 'assistant'; content: string };

export interface ConversationRequest extends GenerationOptions {
  user_last_statement: string;
  historical_messages?: HistoryItem[];
}
export interface ExtendedConversationRequest extends ConversationRequest {
  system_prompt: string;
}
export interface TextsRequest extends GenerationOptions {
  texts: string[];
}
export interface GenerateQuestionsRequest extends TextsRequest {
  number_of_questions?: number;
}
export interface ArticleFromTextRequest extends GenerationOptions {
  text: string;
}
export interface FullArticleRequest extends TextsRequest {
  user_query: string;
  article_type?: string | null;
}
export interface GenerativeAnswerRequest extends GenerationOptions {
  question_str: string;
  texts: string[] | Record<string, string[]>;
  doc_name_in_answer?: boolean;
  question_prompt?: string | null;
  system_prompt?: string | null;
}

export interface Timed<T> {
  response: T;
  /** Seconds the router spent on the request. */
  generation_time: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  [extra: string]: unknown;
}
export interface ChatCompletion {
  id: string;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string | null };
    finish_reason: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}
export interface ModelList {
  object: 'list';
  data: Array<{ id: string; object: 'model'; owned_by?: string }>;
}
