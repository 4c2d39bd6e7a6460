import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

// Read once; dist/core/endpoints/system → the package root is four levels up.
const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Also answers the Ollama client's `version()`, which reads the same shape. */
export class ApiVersion {
  static readonly route: RouteSpec = {
    method: 'GET',
    paths: [prefixed('version')],
    dialect: 'openai',
    group: 'system',
  };
  handle({ res }: Exchange): void {
    sendJson(res, 200, { version: VERSION });
  }
}
