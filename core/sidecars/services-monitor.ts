import { inject, singleton } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { SidecarClient } from './sidecar-client.js';

/**
 * Pings every sidecar the configured plugins use (LLM_ROUTER_SERVICES_MONITOR_INTERVAL_SECONDS, ≤ 0 off) and
 * marks each up or down. Unlike the reference, the result is used: calls to a service that is down fail at
 * once, and LLM_ROUTER_GUARDRAIL_FAIL_MODE decides what the request gets.
 */
@singleton()
export class ServicesMonitor {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(SidecarClient) private readonly client: SidecarClient,
    @inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    const interval = this.settings.sidecars.monitorIntervalMs;
    if (interval <= 0 || this.timer || this.client.services.size === 0) return;
    void this.pingAll();
    this.timer = setInterval(() => void this.pingAll(), interval);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async pingAll(): Promise<void> {
    await Promise.all([...this.client.services].map(async ([origin, services]) => {
      const up = await this.client.ping(origin);
      if (up !== this.client.isUp(origin)) {
        const names = [...services].join(', ');
        if (up) this.logger.info(`sidecar service ${names} is up again`);
        else this.logger.warn(`sidecar service ${names} is down: it failed its ping`);
      }
      this.client.setUp(origin, up);
    }));
  }
}
