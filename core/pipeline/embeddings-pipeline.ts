import { inject, singleton } from 'tsyringe';
import type { ClientEmbeddingsDialect } from '../dialects/embeddings/embeddings-dialect.js';
import { PROVIDER_EMBEDDINGS } from '../dialects/embeddings/provider-dialects.js';
import { requireObject } from '../dialects/request-fields.js';
import { invalidRequest, upstreamBadResponse } from '../errors/gateway-error.js';
import { sendJson, sendText, type Exchange } from '../http/exchange.js';
import { parseJson } from './json-body.js';
import { ProviderCall } from './provider-call.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';

/** Embeddings from any client dialect to any provider that has them; same-protocol pairs pass through. */
@singleton()
export class EmbeddingsPipeline {
  constructor(
    @inject(ProviderCall) private readonly calls: ProviderCall,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
  ) {}

  async run(dialect: ClientEmbeddingsDialect, ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    dialect.validate(body);
    const session = this.masker.sessionFor(body);
    const request = session ? dialect.read(body) : null;
    if (request && session) await this.masker.maskEmbeddings(request, session);
    const model = this.calls.model(String(body['model']));
    await this.calls.run(model, ex, async (call) => {
      const path = call.type.path('embeddings');
      const provider = PROVIDER_EMBEDDINGS[call.type.family];
      if (path === null || !provider) throw invalidRequest(`The model '${call.model.name}' is served by a provider without an embeddings API`, 'model');
      // Masked input always goes through the canonical form, so only masked text is sent.
      const passthrough = request === null && call.type.family === dialect.family;
      const payload = passthrough ? { ...body, model: call.upstreamModel } : provider.write({ ...(request ?? dialect.read(body)), model: call.upstreamModel });
      if (!passthrough) this.calls.countConversion(`${dialect.name}-embeddings`, call.type.family);
      const { raw, contentType } = await call.unary('embeddings', path, payload);
      const parsed = parseJson(raw, call.provider.id);
      if (passthrough) return sendText(ex.res, 200, raw, contentType);
      const result = provider.read(parsed);
      if (!result) throw upstreamBadResponse(call.provider.id, 'not an embeddings response');
      sendJson(ex.res, 200, dialect.write(result, body));
    });
  }
}
