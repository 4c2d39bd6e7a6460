import { inject, singleton } from 'tsyringe';
import { type Dispatcher, Pool } from 'undici';
import { SETTINGS, type Settings } from '../config/settings.js';
import { StartupError } from '../errors/startup-error.js';
import { Lifecycle } from '../lifecycle/lifecycle.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';

/** A sidecar that could not answer: pipelines turn it into a 503 or, for guards in fail-open mode, a warning. */
export class SidecarUnavailable extends Error {
  override readonly name = 'SidecarUnavailable';
  constructor(
    readonly service: string,
    reason: string,
  ) {
    super(`the ${service} service ${reason}`);
  }
}

/** A sidecar's base URL from its variable; an empty or malformed one stops start-up naming the variable. */
export function sidecarHost(value: string, variable: string, plugin: string): string {
  if (value === '')
    throw new StartupError(
      `the ${plugin} plugin needs ${variable} (the sidecar's base URL, e.g. http://127.0.0.1:5000)`,
    );
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new StartupError(
      `invalid ${variable}=${JSON.stringify(value)}: expected an http(s) URL such as http://127.0.0.1:5000`,
    );
  return url.origin;
}

const PING_TIMEOUT_MS = 2000;

/**
 * Calls to sidecar services over kept-alive pools. Every service the configured plugins use is pinged
 * (LLM_ROUTER_SERVICES_MONITOR_INTERVAL_SECONDS, ≤ 0 off); one that fails its ping is refused at once instead
 * of waited for, and a call that cannot connect or times out marks it down until the next good ping. Unlike
 * the reference, the result is used: LLM_ROUTER_GUARDRAIL_FAIL_MODE decides what the request gets.
 */
@singleton()
export class SidecarClient {
  private readonly pools = new Map<string, Pool>();
  private readonly down = new Set<string>();
  /** origin → the services (plugin ids) behind it, for the monitor. */
  readonly services = new Map<string, Set<string>>();

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    lifecycle.register('sidecar client', { stop: () => this.close() });
    lifecycle.every('sidecar pings', settings.sidecars.monitorIntervalMs, () => this.pingAll(), { immediate: true });
  }

  register(service: string, origin: string): void {
    let names = this.services.get(origin);
    if (!names) {
      names = new Set();
      this.services.set(origin, names);
    }
    names.add(service);
  }

  async post<T>(service: string, origin: string, path: string, body: unknown, requestId: string): Promise<T> {
    if (this.down.has(origin)) throw new SidecarUnavailable(service, 'is down (it failed its health pings)');
    const started = performance.now();
    const observe = (outcome: string) => {
      if (this.metrics.enabled)
        this.metrics.sidecarLatency.observe({ service, outcome }, (performance.now() - started) / 1000);
    };
    let res: Dispatcher.ResponseData;
    try {
      res = await this.pool(origin).request({
        method: 'POST',
        path,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
        headersTimeout: this.settings.sidecars.timeoutMs,
        bodyTimeout: this.settings.sidecars.timeoutMs,
      });
    } catch (err) {
      observe('unreachable');
      if (this.settings.sidecars.monitorIntervalMs > 0) this.markDown(origin);
      throw new SidecarUnavailable(
        service,
        `did not answer (${(err as { code?: string }).code ?? (err as Error).message})`,
      );
    }
    const text = await res.body.text().catch(() => '');
    if (res.statusCode !== 200) {
      observe('error');
      throw new SidecarUnavailable(service, `answered HTTP ${res.statusCode}`);
    }
    try {
      const parsed = JSON.parse(text) as T;
      observe('ok');
      return parsed;
    } catch {
      observe('error');
      throw new SidecarUnavailable(service, 'answered something that is not JSON');
    }
  }

  /** `GET /api/ping` answering `{"response":"pong"}` within two seconds. */
  async ping(origin: string): Promise<boolean> {
    try {
      const res = await this.pool(origin).request({
        method: 'GET',
        path: '/api/ping',
        headersTimeout: PING_TIMEOUT_MS,
        bodyTimeout: PING_TIMEOUT_MS,
        signal: AbortSignal.timeout(PING_TIMEOUT_MS),
      });
      const body = (await res.body.json().catch(() => null)) as { response?: unknown } | null;
      return res.statusCode === 200 && body?.response === 'pong';
    } catch {
      return false;
    }
  }

  async pingAll(): Promise<void> {
    await Promise.all(
      [...this.services].map(async ([origin, services]) => {
        const up = await this.ping(origin);
        if (up !== this.isUp(origin)) {
          const names = [...services].join(', ');
          if (up) this.logger.info(`sidecar service ${names} is up again`);
          else this.logger.warn(`sidecar service ${names} is down: it failed its ping`);
        }
        this.setUp(origin, up);
      }),
    );
  }

  markDown(origin: string): void {
    this.setUp(origin, false);
  }

  setUp(origin: string, up: boolean): void {
    if (up) this.down.delete(origin);
    else this.down.add(origin);
    if (this.metrics.enabled)
      for (const service of this.services.get(origin) ?? []) this.metrics.sidecarUp.set({ service }, up ? 1 : 0);
  }

  isUp(origin: string): boolean {
    return !this.down.has(origin);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }

  private pool(origin: string): Pool {
    let p = this.pools.get(origin);
    if (!p) {
      p = new Pool(origin, { connections: 32, keepAliveTimeout: 30_000 });
      this.pools.set(origin, p);
    }
    return p;
  }
}
