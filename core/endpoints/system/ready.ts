import { inject, injectable } from 'tsyringe';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { STATE_STORE, type StateStore } from '../../state/state-store.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/**
 * Readiness for load balancers and Kubernetes: the gateway only listens once its config and plugins are loaded,
 * so what can still be missing is its shared state. 200 while the store answers, 503 while it does not (Redis
 * paused or gone); `/api/ping` stays the liveness check.
 */
@injectable()
export class Ready {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('ready')], dialect: 'openai' };
  constructor(@inject(STATE_STORE) private readonly store: StateStore) {}

  async handle({ res }: Exchange): Promise<void> {
    const ok = await this.store.ready();
    sendJson(res, ok ? 200 : 503, { ready: ok, state_store: ok ? 'ok' : 'unreachable' });
  }
}
