import type { Exchange } from '../../http/exchange.js';
import { type RouteSpec, unprefixed } from '../endpoint.js';

/** Ollama clients and readiness probes check `GET /` for this text. */
export class OllamaHome {
  static readonly route: RouteSpec = { method: 'GET', paths: [unprefixed('/')], dialect: 'ollama', group: 'system' };
  handle({ res }: Exchange): void {
    res.status(200).type('text/plain').send('Ollama is running');
  }
}
