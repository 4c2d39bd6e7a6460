import { inject, injectable } from 'tsyringe';
import { SETTINGS, type Settings, SidecarClient, StartupError, sidecarHost } from '../../../core/plugins/plugin-api.js';
import { SidecarGuard } from '../../../core/plugins/sidecar-guard.js';

/**
 * Any guard a sidecar serves: the guards of LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES at
 * LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST, asked in order; the first unsafe answer blocks.
 */
@injectable()
export class HttpGuard extends SidecarGuard {
  static readonly id = 'http_guard';
  static readonly kind = 'guardrail';

  constructor(@inject(SETTINGS) settings: Settings, @inject(SidecarClient) client: SidecarClient) {
    const { httpGuardHost, httpGuardNames } = settings.sidecars;
    if (httpGuardNames.length === 0)
      throw new StartupError(
        'the http_guard plugin needs LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES (the guards to ask, e.g. sojka_guard)',
      );
    super(
      client,
      HttpGuard.id,
      sidecarHost(httpGuardHost, 'LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST', HttpGuard.id),
      httpGuardNames,
    );
  }
}
