import { inject, injectable } from 'tsyringe';
import type { ClientChatDialect } from '../../dialects/chat-dialect.js';
import { isObject, type Json, requireObject } from '../../dialects/request-fields.js';
import { responsesClientDialect } from '../../dialects/responses/dialect.js';
import { KEPT, PREVIOUS } from '../../dialects/responses/response-out.js';
import { ResponsesStreamEncoder } from '../../dialects/responses/stream-encoder.js';
import { invalidRequest } from '../../errors/errors.js';
import type { Exchange } from '../../http/exchange.js';
import { ChatPipeline } from '../../pipeline/chat-pipeline.js';
import { MaskerPipeline } from '../../pipeline/masking/masker-pipeline.js';
import { inputItems, outputItems, ResponsesStore } from '../../pipeline/responses-store.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

@injectable()
export class OpenAIResponses {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [unprefixed('/v1/responses'), unprefixed('/responses')],
    dialect: 'openai',
    group: 'openai',
  };
  constructor(
    @inject(ChatPipeline) private readonly pipeline: ChatPipeline,
    @inject(ResponsesStore) private readonly store: ResponsesStore,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
  ) {}

  handle(ex: Exchange): Promise<void> {
    if (!this.store.enabled) return this.pipeline.run(responsesClientDialect, ex);
    return this.withStore(ex);
  }

  /**
   * With the response store: a `previous_response_id` this gateway kept becomes the conversation it names, in
   * front of the new input (sent so to any backend); a converted answer is kept unless `store` is false. An
   * answer passed through from a backend with the Responses API is that backend's to keep.
   */
  private async withStore(ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    const previous = body['previous_response_id'];
    let input = inputItems(body['input']);
    if (typeof previous === 'string' && previous !== '') {
      const history = await this.store.load(previous);
      if (history === null)
        throw invalidRequest(
          `The previous response '${previous}' is not stored here: it expired (LLM_ROUTER_RESPONSES_STORE_TTL_SECONDS), was sent with "store": false, or never existed`,
          'previous_response_id',
        );
      input = [...history, ...input];
      body['input'] = input;
      delete body['previous_response_id'];
      (body as Record<symbol, unknown>)[PREVIOUS] = previous;
    }
    const keep = body['store'] !== false;
    if (keep) (body as Record<symbol, unknown>)[KEPT] = true;
    const masked = this.masker.masks(body['anonymize'], ex.principal);
    let answer: Json | null = null;
    const dialect: ClientChatDialect = {
      ...responsesClientDialect,
      write: (completion, request) => {
        const written = responsesClientDialect.write(completion, request) as Json;
        answer = written;
        return written;
      },
      streamEncoder: (request) => {
        const encoder = new ResponsesStreamEncoder(request);
        const end = encoder.end.bind(encoder);
        encoder.end = () => {
          const out = end();
          answer = encoder.finalResponse;
          return out;
        };
        return encoder;
      },
    };
    await this.pipeline.run(dialect, ex);
    const final = answer as Json | null;
    if (keep && final && isObject(final) && typeof final['id'] === 'string')
      await this.store.save(ex, final['id'], [...input, ...outputItems(final)], masked, String(body['model']));
  }
}
