import { timingSafeEqual } from 'node:crypto';
import { inject, singleton } from 'tsyringe';
import { ModelsReload } from '../../config/models-reload.js';
import { SETTINGS, type Settings } from '../../config/settings.js';
import { configInvalid, unauthorized } from '../../errors/errors.js';
import type { Exchange } from '../../http/exchange.js';
import { UtilsPipeline } from '../../pipeline/utils-pipeline.js';

/** The admin routes exist with an admin token set, or with API keys on (then a key whose policy allows `admin`). */
export const adminEnabled = (s: Settings): boolean => s.adminToken !== '' || s.auth !== null;

/**
 * Who may call the admin routes: with API keys on, the key was checked against its policy before the handler;
 * else the request must carry LLM_ROUTER_ADMIN_TOKEN as a bearer token. Also puts a models config in force, the
 * one step every admin route that changes it ends with.
 */
@singleton()
export class AdminAccess {
  private readonly token: Buffer;

  constructor(
    @inject(ModelsReload) private readonly reloader: ModelsReload,
    @inject(UtilsPipeline) private readonly utils: UtilsPipeline,
    @inject(SETTINGS) settings: Settings,
  ) {
    // Empty when there is no admin token: then nothing matches (not even "Bearer ").
    this.token = settings.adminToken ? Buffer.from(`Bearer ${settings.adminToken}`) : Buffer.alloc(0);
  }

  check({ req, principal }: Exchange): void {
    if (principal) return;
    const given = Buffer.from(req.headers.authorization ?? '');
    const matches = this.token.length > 0 && given.length === this.token.length && timingSafeEqual(given, this.token);
    if (!matches) throw unauthorized();
  }

  /** The models config file read again and put in force; under several workers, the others are asked to follow. */
  async reload(): Promise<Record<string, unknown>> {
    const outcome = this.reloader.reload();
    if (!outcome.ok) throw configInvalid(outcome.error);
    const pluginsKept = await this.utils.reload();
    process.send?.({ reloadOthers: true });
    return {
      reloaded: true,
      version: outcome.version,
      changed: outcome.changed,
      models: outcome.models,
      plugins_not_reloaded: pluginsKept,
    };
  }
}
