import { inject, injectable } from 'tsyringe';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { InFlight } from '../../server/in-flight.js';
import { STATE_STORE, type StateStore } from '../../state/state-store.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/**
 * Readiness for load balancers and Kubernetes: the gateway only listens once its config and plugins are loaded,
 * so what can still be missing is its shared state. 200 while the store answers (or local state serves in its
 * stead), 503 while it does not (Redis paused or gone) or while the process drains before it stops; `/api/ping` stays the liveness check.
 */
@injectable()
export class Ready {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('ready')], dialect: 'openai', group: 'system' };
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(InFlight) private readonly inFlight: InFlight,
  ) {}

  async handle({ res }: Exchange): Promise<void> {
    // Serving from local state (LLM_ROUTER_REDIS_FAIL_MODE=local) is serving: the operator chose it.
    const store = await this.store.state();
    const ok = store !== 'unreachable' && !this.inFlight.draining;
    sendJson(res, ok ? 200 : 503, {
      ready: ok,
      state_store: store,
      ...(this.inFlight.draining ? { draining: true } : {}),
    });
  }
}
