import { inject, injectable } from 'tsyringe';
import { parseProvider } from '../../config/models-config.js';
import { isObject } from '../../dialects/request-fields.js';
import { invalidValue } from '../../errors/errors.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../../providers/provider-type-registry.js';
import { UpstreamClient } from '../../providers/upstream-client.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { AdminAccess, adminEnabled } from './admin-access.js';

const CHECK_TIMEOUT_MS = 5000;

/**
 * `POST /api/admin/check-host` `{"api_host", "api_type", "api_token"?}`: the health probe the gateway's monitor
 * sends, sent now from the gateway (so it sees what the gateway sees: its network, its DNS, its proxy rules),
 * for a provider that need not be in the config yet. Answers whether it answered, its status and how long it took.
 */
@injectable()
export class CheckHost {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('admin/check-host')],
    dialect: 'openai',
    group: 'admin',
    enabled: adminEnabled,
  };

  constructor(
    @inject(AdminAccess) private readonly admin: AdminAccess,
    @inject(UpstreamClient) private readonly upstream: UpstreamClient,
    @inject(PROVIDER_TYPES) private readonly types: ProviderTypes,
  ) {}

  async handle(ex: Exchange): Promise<void> {
    this.admin.check(ex);
    const body = isObject(ex.body) ? ex.body : {};
    let provider: ReturnType<typeof parseProvider>;
    try {
      provider = parseProvider({ ...body, id: 'check-host' });
    } catch (err) {
      const field = /^field (\w+)/.exec((err as Error).message)?.[1] ?? null;
      throw invalidValue(`The provider to check is not valid: ${(err as Error).message}`, field);
    }
    const started = performance.now();
    const { status, reason } = await this.upstream.probe(
      provider,
      this.types.get(provider.api_type)!,
      CHECK_TIMEOUT_MS,
    );
    sendJson(ex.res, 200, {
      // As the monitor judges: any answer below 500 means the server is there (a 401 is a wrong token, not a dead host).
      reachable: status > 0 && status < 500,
      status,
      reason,
      latency_ms: Math.round(performance.now() - started),
    });
  }
}
