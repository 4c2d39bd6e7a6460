import { inject, injectable } from 'tsyringe';
import { AdminApi } from '../../auth/admin-api.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

const READS = ['keys', 'policies', 'teams', 'usage'] as const;

/** `GET /api/auth/keys|policies|teams|usage`: the admin API's listings (an `admin`-policy key only). */
@injectable()
export class AuthAdminRead {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: READS.map((r) => prefixed(`auth/${r}`)),
    dialect: 'openai',
    group: 'admin',
    enabled: (s) => s.auth !== null,
  };

  constructor(@inject(AdminApi) private readonly api: AdminApi) {}

  async handle({ req, res, principal }: Exchange): Promise<void> {
    AdminApi.allowed(principal);
    const what = req.path.slice(req.path.lastIndexOf('/auth/') + '/auth/'.length);
    sendJson(res, 200, await this.api.reads[what]!());
  }
}
