import { upstreamBadResponse } from '../errors/errors.js';

/** A provider body that must be JSON; anything else is a 502 naming the provider. */
export function parseJson(raw: string, providerId: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw upstreamBadResponse(providerId, 'the body is not JSON');
  }
}
