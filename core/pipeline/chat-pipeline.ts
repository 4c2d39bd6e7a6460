import { inject, singleton } from 'tsyringe';
import { Failover } from '../balancing/failover.js';
import type { ProviderAttempt } from '../balancing/provider-attempt.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatChunk, ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import type { ClientChatDialect } from '../dialects/chat-dialect.js';
import { openAIClientDialect } from '../dialects/openai/dialect.js';
import { PROVIDER_DIALECTS } from '../dialects/provider-dialects.js';
import { isObject, type Json, requireObject } from '../dialects/request-fields.js';
import type { StreamDecoder, StreamEncoder } from '../dialects/stream-codec.js';
import { causeOf } from '../errors/cause.js';
import { upstreamBadResponse } from '../errors/errors.js';
import { GuardrailBlocked } from '../errors/gateway-error.js';
import { type Exchange, sendJson, sendText, startStream, writeChunk } from '../http/exchange.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { scoped } from '../logging/request-scope.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { transportError } from '../providers/upstream-client.js';
import { AnswerChain, type AnswerStage } from './answer-stages.js';
import { type ChatAnswer, type ChatTurn, STREAMED } from './chat-turn.js';
import { compose } from './compose.js';
import { GuardrailPipeline } from './guardrail-pipeline.js';
import { parseJson } from './json-body.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';
import { RestoreStage } from './masking/restore-stage.js';
import { refusalChunks, refusalCompletion } from './refusal.js';
import { openStream } from './stream-opening.js';
import { relayBytes, relayChunks } from './stream-relay.js';
import { UtilsPipeline } from './utils-pipeline.js';

/**
 * A chat request from any client dialect to any provider, as one straight line: the turn runs the request
 * stages (utils → guardrails → masking, so nothing a plugin adds escapes masking), then provider attempts
 * until one answers; each attempt writes the payload in the provider's dialect and reads the answer through
 * the answer stages (restore → guard) into the client's dialect. Same-protocol requests no stage has to
 * change pass through byte for byte, streamed or not.
 */
@singleton()
export class ChatPipeline {
  private readonly handle: (turn: ChatTurn) => Promise<ChatAnswer>;
  private readonly firstTokenTimeoutMs: number;
  private readonly streamHoldMs: number;
  private readonly maxEventBytes: number;

  constructor(
    @inject(Failover) private readonly failover: Failover,
    @inject(UtilsPipeline) private readonly utils: UtilsPipeline,
    @inject(GuardrailPipeline) private readonly guardrails: GuardrailPipeline,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(SETTINGS) settings: Settings,
  ) {
    this.firstTokenTimeoutMs = settings.firstTokenTimeoutMs;
    this.streamHoldMs = settings.streamHoldMs;
    this.maxEventBytes = settings.maxAnswerBytes;
    // A key's policy may name guardrails of its own, so with keys on the request stage is always there.
    const guards = guardrails.active || settings.auth !== null;
    const stages = [...(utils.active ? [utils.stage] : []), ...(guards ? [guardrails.requestStage] : [])];
    this.handle = compose(stages, (turn) => this.dispatch(turn));
  }

  /** A client's request in its dialect, answered in its dialect. */
  async run(dialect: ClientChatDialect, ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    const turn = this.turn(dialect, ex, body, null);
    const answer = await this.answer(turn);
    if (answer.kind === 'raw') sendText(ex.res, 200, answer.raw, answer.contentType);
    else if (answer.kind === 'completion') sendJson(ex.res, 200, dialect.write(answer.completion, body));
  }

  /** A whole answer to a canonical request (built-in endpoints): the same stages, attempts and answer stages. */
  async complete(request: ChatRequest, ex: Exchange): Promise<ChatCompletion> {
    const answer = await this.answer(this.turn(openAIClientDialect, ex, request, request));
    if (answer.kind !== 'completion') throw new Error('a non-streamed canonical turn must end in a completion');
    return answer.completion;
  }

  /** A canonical request streamed to the client as OpenAI chunks (built-in endpoints). */
  async stream(request: ChatRequest, ex: Exchange): Promise<void> {
    await this.answer(this.turn(openAIClientDialect, ex, { ...request, stream: true }, null));
  }

  private turn(dialect: ClientChatDialect, ex: Exchange, body: Json, canonical: ChatRequest | null): ChatTurn {
    const session = this.masker.sessionFor(body, ex.principal);
    // Answer guardrails read the answer, so it is converted even between same-protocol ends; so is a stream whose
    // tokens a key's usage counts (a passed-through OpenAI stream says them only when the client asked).
    const rewrites =
      canonical !== null ||
      session !== null ||
      this.utils.active ||
      this.guardrails.guardsAnswersFor(ex) ||
      (ex.account !== undefined && body['stream'] === true);
    if (!rewrites) dialect.validate(body);
    return {
      dialect,
      ex,
      body,
      stream: body['stream'] === true,
      clientModel: String(body['model']),
      canonical: canonical ?? (rewrites ? dialect.read(body) : null),
      session,
      restoring: session !== null && this.masker.restores ? session : null,
    };
  }

  /** The turn's answer; a guardrail block before the answer began becomes the refusal where that is the mode. */
  private async answer(turn: ChatTurn): Promise<ChatAnswer> {
    try {
      return await this.handle(turn);
    } catch (err) {
      const block = this.guardrails.refusalFor(err);
      if (block === null || turn.ex.res.headersSent) throw err;
      return this.refuse(turn, block);
    }
  }

  /** After the request stages: provider attempts until one answers or the failure is not the provider's. */
  private async dispatch(turn: ChatTurn): Promise<ChatAnswer> {
    const model = this.failover.model(String((turn.canonical ?? turn.body)['model']), turn.ex.principal);
    const attempts = this.failover.attempts(model, turn.ex.signal, turn.ex);
    for (;;) {
      const attempt = await attempts.next();
      const { res } = turn.ex;
      if (!res.headersSent) {
        res.setHeader('x-llm-router-provider', attempt.provider.id);
        res.setHeader('x-llm-router-fallback', attempt.number > 1 ? 'true' : 'false');
      }
      try {
        const answer = await this.attempt(turn, attempt);
        if (attempt.brokeOff) attempts.brokeOff(attempt);
        else attempts.succeeded(attempt);
        return answer;
      } catch (err) {
        attempts.failed(attempt, err, res.headersSent);
      }
    }
  }

  /** One provider: its payload, its answer through the answer stages. */
  private async attempt(turn: ChatTurn, attempt: ProviderAttempt): Promise<ChatAnswer> {
    const { dialect, body, stream } = turn;
    const provider = PROVIDER_DIALECTS[attempt.type.family];
    const passthrough =
      turn.canonical === null &&
      attempt.type.family === dialect.family &&
      attempt.type.path(dialect.operation) !== null;
    if (passthrough) {
      const payload = attempt.alias(body, stream);
      // A masked turn is converted today (to restore its answer), so this is a safety net: a pass-through is
      // never sent unmasked, whatever decides the path later.
      if (turn.session) await this.masker.maskPayload(turn.ex, payload, turn.session, turn.clientModel);
      if (stream) {
        await attempt.send(dialect.operation, payload, true, this.firstTokenTimeoutMs);
        return this.streamed(turn, attempt, null);
      }
      const { raw, contentType } = await attempt.unary(dialect.operation, payload);
      // Parsed even when passed through: a 200 that is not JSON is the provider's fault (502), not an answer.
      const parsed = parseJson(raw, attempt.provider.id);
      if (attempt.metricsOn || turn.ex.account) attempt.recordUsage(provider.read(parsed)?.usage);
      // The answer names the model the client asked for, as a converted one does, not the backend's own name.
      if (isObject(parsed) && typeof parsed['model'] === 'string' && parsed['model'] !== turn.clientModel) {
        parsed['model'] = turn.clientModel;
        return { kind: 'raw', raw: JSON.stringify(parsed), contentType };
      }
      return { kind: 'raw', raw, contentType };
    }
    const request = turn.canonical ?? dialect.read(body);
    const payload = provider.write(attempt.alias(request, stream), stream);
    // Masked as it will be sent, after the conversion: what the provider's format carries is what is judged.
    if (turn.session) await this.masker.maskPayload(turn.ex, payload, turn.session, turn.clientModel);
    if (this.metrics.enabled)
      this.metrics.payloadConversions.inc({ from_type: dialect.name, to_type: attempt.type.family });
    if (stream) {
      await attempt.send('chat', payload, true, this.firstTokenTimeoutMs);
      return this.streamed(turn, attempt, provider.streamDecoder());
    }
    const { raw } = await attempt.unary('chat', payload);
    const completion = provider.read(parseJson(raw, attempt.provider.id));
    if (!completion) throw upstreamBadResponse(attempt.provider.id, 'not a chat completion');
    attempt.recordUsage(completion.usage);
    await this.answerStages(turn, attempt).completion(completion);
    return { kind: 'completion', completion };
  }

  private answerStages(turn: ChatTurn, attempt: ProviderAttempt): AnswerChain {
    const stages: AnswerStage[] = [];
    if (turn.restoring) stages.push(new RestoreStage(turn.restoring));
    if (this.guardrails.guardsAnswersFor(turn.ex))
      stages.push(this.guardrails.answerStage(turn.ex, turn.clientModel, attempt.provider.id));
    return new AnswerChain(stages);
  }

  /** Streams the provider's answer to the client: as it is (no decoder) or converted through the answer stages. */
  private async streamed(turn: ChatTurn, attempt: ProviderAttempt, decoder: StreamDecoder | null): Promise<ChatAnswer> {
    const { ex, dialect } = turn;
    const id = attempt.provider.id;
    const encoder = dialect.streamEncoder(turn.body);
    // Before the client's headers: a provider that answers with no stream, an error or nothing can still fail over.
    const format = attempt.type.family === 'ollama' ? 'ndjson' : 'sse';
    // The first-token timeout counts from the request: what the headers took is not given again.
    const left = this.firstTokenTimeoutMs > 0 ? Math.max(1, this.firstTokenTimeoutMs - attempt.ageMs) : 0;
    const body = await openStream(
      attempt.upstreamBody(),
      attempt.contentType,
      format,
      id,
      left,
      this.streamHoldMs,
      () => attempt.streaming(),
      this.maxEventBytes,
    );
    startStream(ex.res, dialect.streamContentType);
    try {
      if (decoder === null) await relayBytes(body, ex.res, ex.signal, id, format, this.maxEventBytes);
      else {
        const usage = await relayChunks(
          body,
          decoder,
          this.answerStages(turn, attempt),
          encoder,
          ex.res,
          ex.signal,
          id,
          this.maxEventBytes,
        );
        attempt.recordUsage(usage);
      }
    } catch (err) {
      if (ex.res.destroyed) return STREAMED;
      if (err instanceof GuardrailBlocked) return this.cut(turn, encoder, err);
      const error = transportError(err, id, ex.signal, true);
      // Cut by the gateway (its deadline, a shutdown), not broken by the provider: nothing to hold against it.
      if (!ex.signal.aborted) {
        attempt.failed(error);
        attempt.brokeOff = error;
      }
      this.logger.warn(`stream ended early: ${error.code}: ${error.message}`, { ...scoped(ex), ...causeOf(error) });
      ex.res.end(encoder.error(error));
    }
    return STREAMED;
  }

  /** A block answered as an ordinary refusal, streamed or not, in the client's dialect; no provider is called. */
  private async refuse(turn: ChatTurn, block: GuardrailBlocked): Promise<ChatAnswer> {
    if (!turn.stream) return { kind: 'completion', completion: refusalCompletion(block, turn.clientModel) };
    const encoder = turn.dialect.streamEncoder(turn.body);
    startStream(turn.ex.res, turn.dialect.streamContentType);
    await this.write(turn.ex, encoder, refusalChunks(block, turn.clientModel));
    return STREAMED;
  }

  /** An answer stream a response guardrail stopped: the upstream is dropped, the client gets the block in-band. */
  private async cut(turn: ChatTurn, encoder: StreamEncoder, block: GuardrailBlocked): Promise<ChatAnswer> {
    this.logger.warn(block.message, scoped(turn.ex));
    if (this.guardrails.refusalFor(block) === null) {
      turn.ex.res.end(encoder.error(block));
      return STREAMED;
    }
    // The answer has begun: the refusal continues it (no second role) and finishes it.
    const [first, ...rest] = refusalChunks(block, turn.clientModel);
    const continued = {
      ...first!,
      choices: first!.choices.map((c) => ({ ...c, delta: { content: `\n\n${c.delta.content ?? ''}` } })),
    };
    await this.write(turn.ex, encoder, [continued, ...rest]);
    return STREAMED;
  }

  private async write(ex: Exchange, encoder: StreamEncoder, chunks: readonly ChatChunk[]): Promise<void> {
    for (const c of chunks) await writeChunk(ex.res, encoder.encode(c), ex.signal);
    ex.res.end(encoder.end());
  }
}
