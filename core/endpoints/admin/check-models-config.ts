import { inject, injectable } from 'tsyringe';
import { parseModelsConfig, versionOf } from '../../config/models-config.js';
import { configText } from '../../config/models-config-file.js';
import { configInvalid } from '../../errors/errors.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';
import { AdminAccess, adminEnabled } from './admin-access.js';

/** The body checked as the gateway checks its file at start-up and on reload, with the same messages. */
export function checkedConfig(body: unknown, outcome: string) {
  try {
    return parseModelsConfig(body, '(sent)');
  } catch (err) {
    throw configInvalid((err as Error).message, outcome);
  }
}

/**
 * `POST /api/admin/models-config/check`: whether a models config would be taken, without applying it; the
 * config manager validates imports and edits with it, so they are judged by the gateway's own schema.
 */
@injectable()
export class CheckModelsConfig {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('admin/models-config/check')],
    dialect: 'openai',
    group: 'admin',
    enabled: adminEnabled,
  };

  constructor(@inject(AdminAccess) private readonly admin: AdminAccess) {}

  handle(ex: Exchange): void {
    this.admin.check(ex);
    const config = checkedConfig(ex.body, 'is not valid');
    sendJson(ex.res, 200, {
      valid: true,
      version: versionOf(configText(ex.body)),
      models: [...config.models.keys()],
    });
  }
}
