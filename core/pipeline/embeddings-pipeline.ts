import { inject, singleton } from 'tsyringe';
import { Failover } from '../balancing/failover.js';
import type { ProviderAttempt } from '../balancing/provider-attempt.js';
import type { ClientEmbeddingsDialect } from '../dialects/embeddings/embeddings-dialect.js';
import { PROVIDER_EMBEDDINGS } from '../dialects/embeddings/provider-dialects.js';
import { type Json, requireObject } from '../dialects/request-fields.js';
import { invalidRequest, upstreamBadResponse } from '../errors/errors.js';
import { type Exchange, sendJson, sendText } from '../http/exchange.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { GuardrailPipeline } from './guardrail-pipeline.js';
import { parseJson } from './json-body.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';
import type { MaskingSession } from './masking/masking-session.js';

/** Embeddings from any client dialect to any provider that has them; same-protocol pairs pass through. */
@singleton()
export class EmbeddingsPipeline {
  constructor(
    @inject(Failover) private readonly failover: Failover,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
    @inject(GuardrailPipeline) private readonly guardrails: GuardrailPipeline,
    @inject(METRICS) private readonly metrics: Metrics,
  ) {}

  async run(dialect: ClientEmbeddingsDialect, ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    dialect.validate(body);
    const session = this.masker.sessionFor(body, ex.principal);
    // Embedded text reaches a model too: the request guardrails judge it (a block is a 403; there is no answer
    // to refuse in).
    await this.guardrails.checkBody(body, ex);
    const attempts = this.failover.attempts(this.failover.model(String(body['model']), ex.principal), ex.signal, ex);
    for (;;) {
      const attempt = await attempts.next();
      try {
        const answer = await this.attempt(dialect, body, attempt, session, ex);
        attempts.succeeded(attempt);
        if ('json' in answer) return sendJson(ex.res, 200, answer.json);
        return sendText(ex.res, 200, answer.raw, answer.contentType);
      } catch (err) {
        attempts.failed(attempt, err, ex.res.headersSent);
      }
    }
  }

  private async attempt(
    dialect: ClientEmbeddingsDialect,
    body: Json,
    attempt: ProviderAttempt,
    session: MaskingSession | null,
    ex: Exchange,
  ) {
    const provider = PROVIDER_EMBEDDINGS[attempt.type.family];
    if (attempt.type.path('embeddings') === null || !provider) {
      throw invalidRequest(
        `The model '${attempt.model.name}' is served by a provider without an embeddings API`,
        'model',
      );
    }
    const passthrough = attempt.type.family === dialect.family;
    // A copy per attempt, masked as it will be sent (strings anywhere in the input, nested or mixed with tokens).
    const payload = structuredClone(
      passthrough
        ? { ...body, model: attempt.upstreamModel }
        : provider.write({ ...dialect.read(body), model: attempt.upstreamModel }),
    );
    if (session) await this.masker.maskPayload(ex, payload, session, String(body['model']));
    if (!passthrough && this.metrics.enabled) {
      this.metrics.payloadConversions.inc({ from_type: `${dialect.name}-embeddings`, to_type: attempt.type.family });
    }
    const { raw, contentType } = await attempt.unary('embeddings', payload);
    const parsed = parseJson(raw, attempt.provider.id);
    const result = passthrough && !ex.account && !attempt.metricsOn ? null : provider.read(parsed);
    if (result)
      attempt.recordUsage({
        prompt_tokens: result.promptTokens,
        completion_tokens: 0,
        total_tokens: result.promptTokens,
      });
    if (passthrough) return { raw, contentType };
    if (!result) throw upstreamBadResponse(attempt.provider.id, 'not an embeddings response');
    return { json: dialect.write(result, body) };
  }
}
