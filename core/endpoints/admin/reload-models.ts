import { timingSafeEqual } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { ModelsReload } from '../../config/models-reload.js';
import { SETTINGS, type Settings } from '../../config/settings.js';
import { configInvalid, unauthorized } from '../../errors/errors.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { UtilsPipeline } from '../../pipeline/utils-pipeline.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/**
 * `POST /api/admin/reload`: the models config read again, as SIGHUP does; only with LLM_ROUTER_ADMIN_TOKEN set
 * and sent as a bearer token. Under several workers the one that answers reloads and asks the primary to have
 * the others reload too.
 */
@injectable()
export class ReloadModels {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('admin/reload')],
    dialect: 'openai',
    group: 'admin',
    // With API keys on, a key whose policy allows `admin` (checked before the handler); else the admin token.
    enabled: (s) => s.adminToken !== '' || s.auth !== null,
  };
  private readonly token: Buffer;

  constructor(
    @inject(ModelsReload) private readonly reloader: ModelsReload,
    @inject(UtilsPipeline) private readonly utils: UtilsPipeline,
    @inject(SETTINGS) settings: Settings,
  ) {
    // Empty when there is no admin token: then nothing matches (not even "Bearer ").
    this.token = settings.adminToken ? Buffer.from(`Bearer ${settings.adminToken}`) : Buffer.alloc(0);
  }

  async handle({ req, res, principal }: Exchange): Promise<void> {
    if (!principal) {
      const given = Buffer.from(req.headers.authorization ?? '');
      const matches = this.token.length > 0 && given.length === this.token.length && timingSafeEqual(given, this.token);
      if (!matches) throw unauthorized();
    }
    const outcome = this.reloader.reload();
    if (!outcome.ok) throw configInvalid(outcome.error);
    const pluginsKept = await this.utils.reload();
    process.send?.({ reloadOthers: true });
    sendJson(res, 200, {
      reloaded: true,
      version: outcome.version,
      changed: outcome.changed,
      models: outcome.models,
      plugins_not_reloaded: pluginsKept,
    });
  }
}
