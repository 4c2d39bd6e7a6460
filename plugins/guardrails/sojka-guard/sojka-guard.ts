import { inject, injectable } from 'tsyringe';
import { SETTINGS, type Settings, SidecarClient, sidecarHost } from '../../../core/plugins/plugin-api.js';
import { SidecarGuard } from '../../../core/plugins/sidecar-guard.js';

/** Bielik-Guard "Sójka" (hate, vulgar, sex, crime, self-harm) in the sidecar at LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST. */
@injectable()
export class SojkaGuard extends SidecarGuard {
  static readonly id = 'sojka_guard';
  static readonly kind = 'guardrail';

  constructor(@inject(SETTINGS) settings: Settings, @inject(SidecarClient) client: SidecarClient) {
    super(
      client,
      SojkaGuard.id,
      sidecarHost(settings.sidecars.sojkaGuardHost, 'LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST', SojkaGuard.id),
      [SojkaGuard.id],
    );
  }
}
