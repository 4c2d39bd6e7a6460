import { inject, injectable } from 'tsyringe';
import { writeModelsConfig } from '../../config/models-config-file.js';
import { SETTINGS, type Settings } from '../../config/settings.js';
import { configNotWritten } from '../../errors/errors.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { AdminAccess, adminEnabled } from './admin-access.js';
import { checkedConfig } from './check-models-config.js';

/**
 * `POST /api/admin/models-config`: a whole models config, checked as a reload checks it, written over the file
 * the gateway reads (LLM_ROUTER_MODELS_CONFIG) and put in force as `/api/admin/reload` does: requests in flight
 * finish on the config they started with. A config that fails a check leaves the file and the config in force
 * untouched. The config manager's "activate" calls this.
 */
@injectable()
export class ApplyModelsConfig {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('admin/models-config')],
    dialect: 'openai',
    group: 'admin',
    enabled: adminEnabled,
  };

  constructor(
    @inject(AdminAccess) private readonly admin: AdminAccess,
    @inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async handle(ex: Exchange): Promise<void> {
    this.admin.check(ex);
    checkedConfig(ex.body, 'was not applied');
    try {
      writeModelsConfig(this.settings.modelsConfigPath, ex.body);
    } catch (err) {
      throw configNotWritten((err as NodeJS.ErrnoException).code ?? (err as Error).message);
    }
    sendJson(ex.res, 200, await this.admin.reload());
  }
}
