import pLimit from 'p-limit';
import { inject, singleton } from 'tsyringe';
import { z } from 'zod';
import { SETTINGS, type Settings } from '../../config/settings.js';
import { type ChatMessage, type ChatRequest, textOf } from '../../dialects/canonical.js';
import { invalidValue, missingParameter } from '../../errors/errors.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import {
  LANGUAGES,
  type Language,
  PROMPT_LIBRARY,
  type PromptLibrary,
  type PromptName,
} from '../../prompts/prompt-library.js';

// Texts of one request answered at once: enough to overlap latency, few enough not to flood a backend.
const PER_TEXT_CONCURRENCY = 4;

/** The generation options every built-in endpoint takes, with the Python router's defaults. */
export const generationOptions = z.object({
  model_name: z.string().min(1),
  language: z.enum(LANGUAGES).optional(),
  temperature: z.number().min(0).max(2).default(0.75),
  max_new_tokens: z.number().int().positive().default(256),
  top_p: z.number().gt(0).max(1).default(0.99),
  // Sent only when given: OpenAI's own API refuses these keys.
  top_k: z.number().int().nonnegative().optional(),
  typical_p: z.number().gt(0).max(1).optional(),
  repetition_penalty: z.number().positive().optional(),
  stream: z.boolean().default(false),
  anonymize: z.boolean().optional(),
});
export type GenerationOptions = z.infer<typeof generationOptions>;

export const textList = z.array(z.string()).min(1);

/**
 * What the built-in endpoints share: body validation (a 400 naming the field), the prompt in the request's
 * language, a call through the chat pipeline (plugins, balancing, failover as any request), and the
 * `{"response", "generation_time"}` answer.
 */
@singleton()
export class BuiltinCall {
  constructor(
    @inject(ChatPipeline) private readonly pipeline: ChatPipeline,
    @inject(PROMPT_LIBRARY) private readonly prompts: PromptLibrary,
    @inject(SETTINGS) private readonly settings: Settings,
  ) {}

  parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
    const r = schema.safeParse(body ?? {});
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const field = issue.path.join('.') || null;
    const message =
      issue.code === 'invalid_value' && field === 'language'
        ? `language must be one of ${LANGUAGES.join(', ')}`
        : `${field ?? 'body'}: ${issue.message}`;
    throw issue.code === 'invalid_type' && issue.input === undefined
      ? missingParameter(message, field)
      : invalidValue(message, field);
  }

  language(o: GenerationOptions): Language {
    return o.language ?? this.settings.defaultLanguage;
  }

  prompt(name: PromptName, o: GenerationOptions, values: Record<string, string> = {}): string {
    return this.prompts.render(name, this.language(o), values);
  }

  /** Refuses `stream: true` where each text gets its own answer. */
  noStream(o: GenerationOptions): void {
    if (o.stream) throw invalidValue('stream is available only for endpoints that send a single message', 'stream');
  }

  async ask(ex: Exchange, o: GenerationOptions, system: string, messages: ChatMessage[]): Promise<string> {
    const completion = await this.pipeline.complete(this.request(o, system, messages, false), ex);
    return textOf(completion.choices[0]?.message.content ?? '');
  }

  /**
   * Each text on its own, a few at a time, answers in the texts' order. The first failure fails the request, and
   * the texts not yet sent are not sent: the client has its error, more backend calls would be wasted.
   */
  perText<T>(texts: readonly string[], one: (text: string) => Promise<T>): Promise<T[]> {
    const limit = pLimit(PER_TEXT_CONCURRENCY);
    return Promise.all(
      texts.map((t) =>
        limit(() => one(t)).catch((err: unknown) => {
          limit.clearQueue();
          throw err;
        }),
      ),
    );
  }

  /** Either streams the single answer (OpenAI chunks, system prompt applied) or answers with `build(text)`. */
  async single(
    ex: Exchange,
    started: number,
    o: GenerationOptions,
    system: string,
    messages: ChatMessage[],
    build: (text: string) => unknown = (t) => t,
  ): Promise<void> {
    if (o.stream) return this.pipeline.stream(this.request(o, system, messages, true), ex);
    this.respond(ex, started, build(await this.ask(ex, o, system, messages)));
  }

  respond(ex: Exchange, started: number, response: unknown): void {
    sendJson(ex.res, 200, { response, generation_time: (performance.now() - started) / 1000 });
  }

  private request(o: GenerationOptions, system: string, messages: ChatMessage[], stream: boolean): ChatRequest {
    return {
      model: o.model_name,
      messages: [{ role: 'system', content: system }, ...messages],
      stream,
      temperature: o.temperature,
      top_p: o.top_p,
      max_tokens: o.max_new_tokens,
      ...(o.top_k !== undefined ? { top_k: o.top_k } : {}),
      ...(o.typical_p !== undefined ? { typical_p: o.typical_p } : {}),
      ...(o.repetition_penalty !== undefined ? { repetition_penalty: o.repetition_penalty } : {}),
      ...(o.anonymize ? { anonymize: true } : {}),
    };
  }
}
