import { inject, singleton } from 'tsyringe';
import type { ClientChatDialect } from '../dialects/chat-dialect.js';
import { PROVIDER_DIALECTS } from '../dialects/provider-dialects.js';
import { requireObject, type Json } from '../dialects/request-fields.js';
import { upstreamBadResponse } from '../errors/gateway-error.js';
import { sendJson, sendText, startStream, writeChunk, type Exchange } from '../http/exchange.js';
import { toGatewayError, upstreamHttpError } from '../providers/upstream-client.js';
import type { StreamDecoder, StreamEncoder } from '../dialects/stream-codec.js';
import { ProviderCall, type PreparedCall } from './provider-call.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { causeOf } from '../errors/cause.js';
import { parseJson } from './json-body.js';

/**
 * A chat request from any client dialect to any provider: same-protocol pairs pass through untouched
 * (bytes stream as they arrive), other pairs go through the canonical form in both directions.
 */
@singleton()
export class ChatPipeline {
  constructor(
    @inject(ProviderCall) private readonly calls: ProviderCall,
    @inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(dialect: ClientChatDialect, ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    dialect.validate(body);
    const stream = body['stream'] === true;
    const call = await this.calls.prepare(body, ex.signal);
    try {
      const passthrough = call.type.family === dialect.family && call.type.path(dialect.operation) !== null;
      const providerDialect = PROVIDER_DIALECTS[call.type.family];
      let payload: Json;
      if (passthrough) {
        payload = call.aliasBody(body, stream);
      } else {
        const canonical = dialect.read(body);
        payload = providerDialect.write(call.aliasCanonical(canonical), stream);
        this.calls.countConversion(dialect.name, call.type.family);
      }
      const op = passthrough ? dialect.operation : 'chat';
      const path = call.type.path(op)!;
      if (!stream) {
        const { raw, contentType } = await call.unary(op, path, payload);
        const parsed = parseJson(raw, call.provider.id);
        if (passthrough) {
          if (call.metricsOn) call.recordUsage(providerDialect.read(parsed));
          return sendText(ex.res, 200, raw, contentType);
        }
        const completion = providerDialect.read(parsed);
        if (!completion) throw upstreamBadResponse(call.provider.id, 'not a chat completion');
        call.recordUsage(completion);
        return sendJson(ex.res, 200, dialect.write(completion, body));
      }

      const upstream = await call.send(op, path, payload, true);
      if (upstream.status >= 400) throw await upstreamHttpError(upstream, call.provider.id);
      const encoder = dialect.streamEncoder(body);
      startStream(ex.res, dialect.streamContentType);
      await this.pump(ex, call, encoder, passthrough ? null : providerDialect.streamDecoder());
    } finally {
      call.release();
    }
  }

  /** Copies the upstream stream to the client, converting when a decoder is given. */
  private async pump(ex: Exchange, call: PreparedCall, encoder: StreamEncoder, decoder: StreamDecoder | null) {
    const utf8 = new TextDecoder();
    try {
      for await (const chunk of call.upstreamBody()) {
        if (decoder === null) {
          if (!(await writeChunk(ex.res, chunk as Buffer, ex.signal))) return;
          continue;
        }
        const text = utf8.decode(chunk as Buffer, { stream: true });
        for (const c of decoder.push(text)) if (!(await writeChunk(ex.res, encoder.encode(c), ex.signal))) return;
      }
      if (decoder !== null) {
        for (const c of decoder.push(utf8.decode())) await writeChunk(ex.res, encoder.encode(c), ex.signal);
        for (const c of decoder.end()) await writeChunk(ex.res, encoder.encode(c), ex.signal);
        await writeChunk(ex.res, encoder.end(), ex.signal);
      }
      ex.res.end();
    } catch (err) {
      if (ex.res.destroyed) return;
      const gatewayError = toGatewayError(err, call.provider.id, ex.signal, true);
      call.failed(gatewayError);
      this.logger.warn(`stream ended early: ${gatewayError.code}: ${gatewayError.message}`, causeOf(gatewayError));
      ex.res.end(encoder.error(gatewayError));
    }
  }
}


