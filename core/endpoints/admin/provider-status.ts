import { inject, injectable } from 'tsyringe';
import { CircuitBreaker } from '../../balancing/circuit-breaker.js';
import { healthKey } from '../../balancing/provider-health.js';
import { LiveModels } from '../../config/live-models.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { STATE_STORE, type StateStore } from '../../state/state-store.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { AdminAccess, adminEnabled } from './admin-access.js';

/** A host as shown: without user and password, should an operator have put them in the URL. */
function shownHost(host: string): string {
  const url = new URL(host);
  url.username = '';
  url.password = '';
  return url.href.replace(/\/$/, '');
}

/**
 * `GET /api/admin/providers`: every model in force with its providers' health (what the monitor last wrote to
 * the shared store: `up`, `down` and why, or `unknown` before the first probe) and circuit breaker (this
 * process's: each worker and instance keeps its own). Tokens are never in it.
 */
@injectable()
export class ProviderStatus {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: [prefixed('admin/providers')],
    dialect: 'openai',
    group: 'admin',
    enabled: adminEnabled,
  };

  constructor(
    @inject(AdminAccess) private readonly admin: AdminAccess,
    @inject(LiveModels) private readonly live: LiveModels,
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CircuitBreaker) private readonly breaker: CircuitBreaker,
  ) {}

  async handle(ex: Exchange): Promise<void> {
    this.admin.check(ex);
    const version = this.live.version;
    const models = [...this.live.models.values()];
    const providers = models.flatMap((m) => m.providers);
    const health = await this.store.get(providers.map(healthKey)).catch(() => providers.map(() => null));
    let i = 0;
    sendJson(ex.res, 200, {
      version,
      models: models.map((m) => ({
        name: m.name,
        providers: m.providers.map((p) => {
          const value = health[i++] ?? null;
          return {
            id: p.id,
            api_type: p.api_type,
            api_host: shownHost(p.api_host),
            health: value === null ? 'unknown' : value.startsWith('down') ? 'down' : 'up',
            ...(value?.startsWith('down:') ? { why_down: value.slice(5) } : {}),
            breaker: this.breaker.stateOf(p.id),
          };
        }),
      })),
    });
  }
}
