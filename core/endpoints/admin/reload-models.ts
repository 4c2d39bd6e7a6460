import { inject, injectable } from 'tsyringe';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { AdminAccess, adminEnabled } from './admin-access.js';

/**
 * `POST /api/admin/reload`: the models config read again, as SIGHUP does. Under several workers the one that
 * answers reloads and asks the primary to have the others reload too.
 */
@injectable()
export class ReloadModels {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('admin/reload')],
    dialect: 'openai',
    group: 'admin',
    enabled: adminEnabled,
  };

  constructor(@inject(AdminAccess) private readonly admin: AdminAccess) {}

  async handle(ex: Exchange): Promise<void> {
    this.admin.check(ex);
    sendJson(ex.res, 200, await this.admin.reload());
  }
}
