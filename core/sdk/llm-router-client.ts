import { AuthenticationError, LLMRouterError, RateLimitError, TimeoutError, ValidationError } from './errors.js';
import type {
  ArticleFromTextRequest,
  ChatCompletion,
  ChatRequest,
  ConversationRequest,
  ExtendedConversationRequest,
  FullArticleRequest,
  GenerateQuestionsRequest,
  GenerativeAnswerRequest,
  ModelList,
  TextsRequest,
  Timed,
} from './types.js';

export interface ClientOptions {
  /** The router's base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Per attempt (default 10 s, as the Python SDK). */
  timeoutMs?: number;
  /** Further attempts after a 429, 500, 502, 503, 504 or a network error (default 2). */
  retries?: number;
  /** First wait between attempts, doubled each time; a longer Retry-After wins (default 500 ms). */
  backoffMs?: number;
  /** LLM_ROUTER_EP_PREFIX of the router (default `/api`). */
  prefix?: string;
}

const RETRIED = new Set([429, 500, 502, 503, 504]);
const MAX_WAIT_MS = 30_000;

/**
 * A typed client for LLM Router: the built-in endpoints, ping, version, models and chat. It mirrors the
 * Python SDK (`LLMRouterClient`): the same methods in camelCase, retries with backoff, the same errors.
 */
export class LLMRouterClient {
  private readonly base: string;
  private readonly prefix: string;

  constructor(private readonly options: ClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.prefix = (options.prefix ?? '/api').replace(/\/+$/, '');
  }

  ping(): Promise<{ status: boolean; body: string }> {
    return this.request('GET', `${this.prefix}/ping`);
  }
  version(): Promise<{ version: string }> {
    return this.request('GET', `${this.prefix}/version`);
  }
  models(): Promise<ModelList> {
    return this.request('GET', '/v1/models');
  }
  chat(body: ChatRequest): Promise<ChatCompletion> {
    return this.request('POST', '/v1/chat/completions', { ...body, stream: false });
  }
  conversationWithModel(body: ConversationRequest): Promise<Timed<string>> {
    return this.builtin('conversation_with_model', body);
  }
  extendedConversationWithModel(body: ExtendedConversationRequest): Promise<Timed<string>> {
    return this.builtin('extended_conversation_with_model', body);
  }
  generateQuestions(body: GenerateQuestionsRequest): Promise<Timed<Array<{ text: string; questions: string[] }>>> {
    return this.builtin('generate_questions', body);
  }
  translate(body: TextsRequest): Promise<Timed<Array<{ original: string; translated: string }>>> {
    return this.builtin('translate', body);
  }
  simplifyText(body: TextsRequest): Promise<Timed<string[]>> {
    return this.builtin('simplify_text', body);
  }
  generateArticleFromText(body: ArticleFromTextRequest): Promise<Timed<{ article_text: string }>> {
    return this.builtin('generate_article_from_text', body);
  }
  createFullArticleFromTexts(body: FullArticleRequest): Promise<Timed<{ article_text: string }>> {
    return this.builtin('create_full_article_from_texts', body);
  }
  generativeAnswer(body: GenerativeAnswerRequest): Promise<Timed<string>> {
    return this.builtin('generative_answer', body);
  }

  private builtin<T>(name: string, body: object): Promise<T> {
    return this.request('POST', `${this.prefix}/${name}`, { ...body, stream: false });
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const retries = this.options.retries ?? 2;
    let wait = this.options.backoffMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      let failure: LLMRouterError;
      let retryAfterMs = 0;
      try {
        const res = await fetch(`${this.base}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        const text = await res.text();
        if (res.ok) {
          try {
            return JSON.parse(text) as T;
          } catch {
            throw new LLMRouterError(`Invalid JSON response from ${this.base}${path}`, res.status);
          }
        }
        failure = errorFor(res.status, text, res.headers.get('retry-after'));
        retryAfterMs = Number(res.headers.get('retry-after')) * 1000 || 0;
        if (!RETRIED.has(res.status)) throw failure;
      } catch (err) {
        if (err instanceof LLMRouterError && (err.status === null || !RETRIED.has(err.status))) throw err;
        failure = err instanceof LLMRouterError ? err : networkError(err, this.options.timeoutMs ?? 10_000);
        if (failure instanceof TimeoutError) throw failure;
      }
      if (attempt >= retries) throw failure;
      await new Promise((r) => setTimeout(r, Math.min(MAX_WAIT_MS, Math.max(wait, retryAfterMs))));
      wait *= 2;
    }
  }
}

function errorFor(status: number, text: string, retryAfter: string | null): LLMRouterError {
  let body: unknown = text;
  let message = `HTTP ${status}: ${text.slice(0, 500)}`;
  let code: string | null = null;
  let param: string | null = null;
  try {
    body = JSON.parse(text);
    const e = (body as { error?: { message?: unknown; code?: unknown; param?: unknown } }).error;
    if (typeof e?.message === 'string') message = `HTTP ${status}: ${e.message}`;
    if (typeof e?.code === 'string') code = e.code;
    if (typeof e?.param === 'string') param = e.param;
  } catch {
    // Not JSON: the text is the message.
  }
  if (status === 401) return new AuthenticationError(message, status, code, body);
  if (status === 429) {
    const e = new RateLimitError(message, status, code, body);
    e.retryAfterSeconds = retryAfter && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) : null;
    return e;
  }
  if (status === 400) {
    const e = new ValidationError(message, status, code, body);
    e.field = param;
    return e;
  }
  return new LLMRouterError(message, status, code, body);
}

function networkError(err: unknown, timeoutMs: number): LLMRouterError {
  const name = (err as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return new TimeoutError(`no answer within ${timeoutMs} ms`);
  return new LLMRouterError(`cannot reach the router: ${(err as Error).message}`);
}
