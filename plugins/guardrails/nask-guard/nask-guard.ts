import { inject, injectable } from 'tsyringe';
import { SETTINGS, type Settings, SidecarClient, sidecarHost } from '../../../core/plugins/plugin-api.js';
import { SidecarGuard } from '../../../core/plugins/sidecar-guard.js';

/** NASK-PIB's HerBERT-PL-Guard (safe / S1…S14) in the sidecar at LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST. */
@injectable()
export class NaskGuard extends SidecarGuard {
  static readonly id = 'nask_guard';
  static readonly kind = 'guardrail';

  constructor(@inject(SETTINGS) settings: Settings, @inject(SidecarClient) client: SidecarClient) {
    super(
      client,
      NaskGuard.id,
      sidecarHost(settings.sidecars.naskGuardHost, 'LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST', NaskGuard.id),
      [NaskGuard.id],
    );
  }
}
