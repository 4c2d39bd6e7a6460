import { inject, injectable } from 'tsyringe';
import { AdminApi, bodyOf } from '../../auth/admin-api.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

const WRITES = [
  'keys',
  'keys/show',
  'keys/disable',
  'keys/enable',
  'keys/limits',
  'keys/rotate',
  'keys/delete',
  'policies',
  'teams',
  'usage',
] as const;

/**
 * `POST /api/auth/…`: make, show, disable, enable, limit, rotate and delete keys; save policies and team budgets;
 * read a key's or team's usage (an `admin`-policy key only). Each takes a JSON object naming what it acts on.
 */
@injectable()
export class AuthAdminWrite {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: WRITES.map((w) => prefixed(`auth/${w}`)),
    dialect: 'openai',
    group: 'admin',
    enabled: (s) => s.auth !== null,
  };

  constructor(@inject(AdminApi) private readonly api: AdminApi) {}

  async handle({ req, res, body, principal }: Exchange): Promise<void> {
    AdminApi.allowed(principal);
    const what = req.path.slice(req.path.lastIndexOf('/auth/') + '/auth/'.length);
    const answer = await this.api.writes[what]!(bodyOf(body));
    sendJson(res, answer.status ?? 200, answer.body);
  }
}
