import { inject, singleton } from 'tsyringe';
import type { ChatChunk, ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import type { ClientChatDialect } from '../dialects/chat-dialect.js';
import { PROVIDER_DIALECTS } from '../dialects/provider-dialects.js';
import { requireObject, type Json } from '../dialects/request-fields.js';
import type { StreamDecoder, StreamEncoder } from '../dialects/stream-codec.js';
import { causeOf } from '../errors/cause.js';
import { GatewayError, upstreamBadResponse } from '../errors/gateway-error.js';
import { refusalChunks, refusalCompletion } from './refusal.js';
import { sendJson, sendText, startStream, writeChunk, type Exchange } from '../http/exchange.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { toGatewayError } from '../providers/upstream-client.js';
import { completionTexts, GuardrailPipeline } from './guardrail-pipeline.js';
import { parseJson } from './json-body.js';
import { ChunkRestorer, restoreCompletion } from './masking/completion-restorer.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';
import type { MaskingSession } from './masking/masking-session.js';
import { ProviderCall, type PreparedCall } from './provider-call.js';
import { StreamGuard } from './stream-guard.js';
import { UtilsPipeline } from './utils-pipeline.js';

/**
 * A chat request from any client dialect to any provider. Same-protocol pairs pass through untouched (bytes
 * stream as they arrive) unless a plugin stage is on: then the request goes through the canonical form, the
 * stages run in the order utils → guardrails → masking (so nothing a plugin adds escapes masking), and
 * placeholders in the answer are restored before the client sees it, streamed or not. Response guardrails see
 * the answer as the client would (restored) before it is sent; streamed answers a window at a time.
 */
@singleton()
export class ChatPipeline {
  constructor(
    @inject(ProviderCall) private readonly calls: ProviderCall,
    @inject(UtilsPipeline) private readonly utils: UtilsPipeline,
    @inject(GuardrailPipeline) private readonly guardrails: GuardrailPipeline,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
    @inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(dialect: ClientChatDialect, ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    dialect.validate(body);
    const stream = body['stream'] === true;
    const session = this.masker.sessionFor(body);
    let canonical: ChatRequest | null = null;
    try {
      // Request guardrails only read: alone, they leave a same-protocol request on the byte-for-byte path.
      const rewrites = session !== null || this.utils.active || this.guardrails.guardsAnswers;
      if (rewrites) canonical = await this.stages(dialect.read(body), session);
      else if (this.guardrails.active) await this.guardrails.checkRequest(dialect.read(body));
    } catch (err) {
      if (!(err instanceof GatewayError && err.code === 'content_blocked' && this.guardrails.refusesAsAssistant)) throw err;
      return this.refuse(dialect, ex, body, stream, err);
    }
    const model = this.calls.model(String((canonical ?? body)['model']));
    const restoring = session !== null && this.masker.restores ? session : null;
    await this.calls.run(model, ex, (call) => this.attempt(dialect, ex, body, canonical, stream, restoring, call));
  }

  /** One provider: build its payload, call it, answer or stream back in the client's dialect. */
  private async attempt(dialect: ClientChatDialect, ex: Exchange, body: Json, canonical: ChatRequest | null, stream: boolean, restoring: MaskingSession | null, call: PreparedCall): Promise<void> {
    const passthrough = canonical === null && call.type.family === dialect.family && call.type.path(dialect.operation) !== null;
    const providerDialect = PROVIDER_DIALECTS[call.type.family];
    let payload: Json;
    if (passthrough) {
      payload = call.aliasBody(body, stream);
    } else {
      payload = providerDialect.write(call.aliasCanonical(canonical ?? dialect.read(body)), stream);
      this.calls.countConversion(dialect.name, call.type.family);
    }
    const op = passthrough ? dialect.operation : 'chat';
    const path = call.type.path(op)!;
    if (!stream) {
      if (passthrough) {
        const { raw, contentType } = await call.unary(op, path, payload);
        // Parsed even when passed through: a 200 that is not JSON is the provider's fault (502), not an answer.
        const parsed = parseJson(raw, call.provider.id);
        if (call.metricsOn) call.recordUsage(providerDialect.read(parsed));
        return sendText(ex.res, 200, raw, contentType);
      }
      let completion: ChatCompletion;
      try {
        completion = await this.answer(call, payload, restoring, String(body['model']));
      } catch (err) {
        if (!(err instanceof GatewayError && err.code === 'content_blocked' && this.guardrails.refusesAsAssistant)) throw err;
        completion = refusalCompletion(err, String(body['model']));
      }
      return sendJson(ex.res, 200, dialect.write(completion, body));
    }

    await call.send(op, path, payload, true);
    const encoder = dialect.streamEncoder(body);
    startStream(ex.res, dialect.streamContentType);
    const decoder = passthrough ? null : providerDialect.streamDecoder();
    const guard = this.guardrails.guardsAnswers ? new StreamGuard((text) => this.guardrails.checkAnswer([text], String(body['model']), call.provider.id), this.guardrails.streamWindow) : null;
    await this.pump(ex, call, encoder, decoder, restoring ? new ChunkRestorer(restoring) : null, guard, String(body['model']));
  }

  /**
   * A whole answer to a canonical request, for the built-in endpoints: the same stages, balancing,
   * failover, restoring and answer guardrails as a proxied request; a block in `assistant_message` mode
   * is the refusal.
   */
  async complete(request: ChatRequest, ex: Exchange): Promise<ChatCompletion> {
    const session = this.masker.sessionFor(request);
    try {
      const canonical = await this.stages(request, session);
      const model = this.calls.model(canonical.model);
      const restoring = session !== null && this.masker.restores ? session : null;
      let completion: ChatCompletion | null = null;
      await this.calls.run(model, ex, async (call) => {
        const payload = PROVIDER_DIALECTS[call.type.family].write(call.aliasCanonical(canonical), false);
        completion = await this.answer(call, payload, restoring, request.model);
      });
      return completion!;
    } catch (err) {
      if (err instanceof GatewayError && err.code === 'content_blocked' && this.guardrails.refusesAsAssistant) return refusalCompletion(err, request.model);
      throw err;
    }
  }

  /** One provider's whole answer in canonical form: read, counted, restored and checked by answer guardrails. */
  private async answer(call: PreparedCall, payload: Json, restoring: MaskingSession | null, model: string): Promise<ChatCompletion> {
    const { raw } = await call.unary('chat', call.type.path('chat')!, payload);
    const completion = PROVIDER_DIALECTS[call.type.family].read(parseJson(raw, call.provider.id));
    if (!completion) throw upstreamBadResponse(call.provider.id, 'not a chat completion');
    call.recordUsage(completion);
    if (restoring) restoreCompletion(completion, restoring);
    if (this.guardrails.guardsAnswers) await this.guardrails.checkAnswer(completionTexts(completion), model, call.provider.id);
    return completion;
  }

  /** A block answered as an ordinary refusal, streamed or not, in the client's dialect; no provider is called. */
  private async refuse(dialect: ClientChatDialect, ex: Exchange, body: Json, stream: boolean, block: GatewayError): Promise<void> {
    const model = String(body['model']);
    if (!stream) return sendJson(ex.res, 200, dialect.write(refusalCompletion(block, model), body));
    const encoder = dialect.streamEncoder(body);
    startStream(ex.res, dialect.streamContentType);
    for (const c of refusalChunks(block, model)) await writeChunk(ex.res, encoder.encode(c), ex.signal);
    ex.res.end(encoder.end());
  }

  /** An answer stream a response guardrail stopped: the upstream is dropped, the client gets the block in-band. */
  private async cut(ex: Exchange, encoder: StreamEncoder, block: GatewayError, model: string): Promise<void> {
    this.logger.warn(block.message);
    if (!this.guardrails.refusesAsAssistant) return void ex.res.end(encoder.error(block));
    // The answer has begun: the refusal continues it (no second role) and finishes it.
    const [first, ...rest] = refusalChunks(block, model);
    const tail = [{ ...first!, choices: first!.choices.map((c) => ({ ...c, delta: { content: `\n\n${c.delta.content ?? ''}` } })) }, ...rest];
    for (const c of tail) await writeChunk(ex.res, encoder.encode(c), ex.signal);
    ex.res.end(encoder.end());
  }

  /** Utils, then guardrails, then masking: the reference's order, with masking last before the provider. */
  private async stages(request: ChatRequest, session: MaskingSession | null): Promise<ChatRequest> {
    const routed = this.utils.active ? await this.utils.apply(request) : request;
    if (this.guardrails.active) await this.guardrails.checkRequest(routed);
    if (session) await this.masker.maskChat(routed, session);
    return routed;
  }

  /** Copies the upstream stream to the client, converting (and restoring) when a decoder is given. */
  private async pump(ex: Exchange, call: PreparedCall, encoder: StreamEncoder, decoder: StreamDecoder | null, restorer: ChunkRestorer | null, guard: StreamGuard | null, model: string) {
    const utf8 = new TextDecoder();
    let last: ChatChunk | null = null;
    const write = async (chunks: ChatChunk[]) => {
      for (const c of chunks) if (!(await writeChunk(ex.res, encoder.encode(c), ex.signal))) return false;
      return true;
    };
    const send = async (chunks: ChatChunk[]) => {
      for (let c of chunks) {
        if (restorer) c = restorer.restore(c);
        last = c;
        if (!(await write(guard ? await guard.push(c) : [c]))) return false;
      }
      return true;
    };
    try {
      for await (const chunk of call.upstreamBody()) {
        if (decoder === null) {
          if (!(await writeChunk(ex.res, chunk as Buffer, ex.signal))) return;
        } else if (!(await send(decoder.push(utf8.decode(chunk as Buffer, { stream: true }))))) return;
      }
      if (decoder !== null) {
        if (!(await send([...decoder.push(utf8.decode()), ...decoder.end()]))) return;
        const held = restorer?.end(last);
        if (held && !(await write(guard ? await guard.push(held) : [held]))) return;
        if (guard && !(await write(await guard.end()))) return;
        await writeChunk(ex.res, encoder.end(), ex.signal);
      }
      ex.res.end();
    } catch (err) {
      if (ex.res.destroyed) return;
      if (err instanceof GatewayError && err.code === 'content_blocked') return this.cut(ex, encoder, err, model);
      const gatewayError = toGatewayError(err, call.provider.id, ex.signal, true);
      call.failed(gatewayError);
      this.logger.warn(`stream ended early: ${gatewayError.code}: ${gatewayError.message}`, causeOf(gatewayError));
      ex.res.end(encoder.error(gatewayError));
    }
  }
}
