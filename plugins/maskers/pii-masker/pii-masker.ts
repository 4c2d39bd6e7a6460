import { inject, injectable } from 'tsyringe';
import type { MaskerPlugin, PluginContext } from '../../../core/plugins/plugin.js';
import {
  type MaskingSession,
  PLACEHOLDER,
  SETTINGS,
  type Settings,
  SidecarClient,
  SidecarUnavailable,
  sidecarHost,
} from '../../../core/plugins/plugin-api.js';

interface PiiResponse {
  anonymized?: { texts?: unknown };
  mappings?: Record<string, unknown>;
}

/**
 * Names, places and organisations found by the NER model of the sidecar at LLM_ROUTER_MASKER_PII_HOST, which
 * regular expressions cannot find. The sidecar's placeholders are renumbered into the request's session, so
 * they never clash with fast_masker's and the answer is restored like any other.
 */
@injectable()
export class PiiMasker implements MaskerPlugin {
  static readonly id = 'pii_masker';
  static readonly kind = 'masker';
  private readonly origin: string;

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(SidecarClient) private readonly client: SidecarClient,
  ) {
    this.origin = sidecarHost(settings.sidecars.piiMaskerHost, 'LLM_ROUTER_MASKER_PII_HOST', PiiMasker.id);
    client.register(PiiMasker.id, this.origin);
  }

  async apply(texts: readonly string[], session: MaskingSession, ctx: PluginContext): Promise<string[]> {
    if (texts.length === 0) return [];
    const r = await this.client.post<PiiResponse>(
      PiiMasker.id,
      this.origin,
      '/api/maskers/pii',
      { texts },
      ctx.requestId,
    );
    const out = r?.anonymized?.texts;
    if (!Array.isArray(out) || out.length !== texts.length || !out.every((t) => typeof t === 'string')) {
      throw new SidecarUnavailable(PiiMasker.id, 'answered without one anonymized text per text sent');
    }
    const mappings = r.mappings ?? {};
    return (out as string[]).map((text) =>
      text.replace(PLACEHOLDER, (ph) => {
        const original = mappings[ph];
        if (typeof original !== 'string') return ph;
        return session.placeholder(ph.slice(2, ph.lastIndexOf('_')), original);
      }),
    );
  }
}
