import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

export class Ping {
  static readonly route: RouteSpec = { method: 'GET', paths: [prefixed('ping')], dialect: 'openai', group: 'system' };
  handle({ res }: Exchange): void {
    sendJson(res, 200, { status: true, body: 'pong' });
  }
}
