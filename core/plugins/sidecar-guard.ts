import type { SidecarClient } from '../sidecars/sidecar-client.js';
import { SidecarUnavailable } from '../sidecars/sidecar-client.js';
import type { GuardrailPlugin, GuardVerdict, PluginContext } from './plugin.js';

interface GuardResponse {
  results?: { safe?: unknown; detailed?: Array<{ label?: unknown; score?: unknown; safe?: unknown }> };
}

/**
 * A guard served by a sidecar (`POST <host>/api/guardrails/<name>`). It sends only the texts, as
 * `{"texts": [...]}`, and reads the reference's `{"results": {"safe", "detailed"}}`; the most confident unsafe
 * chunk names the category.
 */
export abstract class SidecarGuard implements GuardrailPlugin {
  constructor(
    private readonly client: SidecarClient,
    private readonly service: string,
    private readonly origin: string,
    private readonly guards: readonly string[],
  ) {
    client.register(service, origin);
  }

  async apply(texts: readonly string[], ctx: PluginContext): Promise<GuardVerdict> {
    if (!texts.some((t) => t.trim() !== '')) return { safe: true };
    for (const guard of this.guards) {
      const r = await this.client.post<GuardResponse>(
        this.service,
        this.origin,
        `/api/guardrails/${encodeURIComponent(guard)}`,
        { texts },
        ctx.requestId,
      );
      if (typeof r?.results?.safe !== 'boolean')
        throw new SidecarUnavailable(this.service, 'answered without results.safe');
      if (r.results.safe) continue;
      const worst = (r.results.detailed ?? [])
        .filter((c) => c.safe === false)
        .sort((a, b) => Number(b.score) - Number(a.score))[0];
      return {
        safe: false,
        category: typeof worst?.label === 'string' ? worst.label : 'unsafe',
        ...(typeof worst?.score === 'number' ? { score: worst.score } : {}),
      };
    }
    return { safe: true };
  }
}
