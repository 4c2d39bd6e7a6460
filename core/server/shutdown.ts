import type { Server } from 'node:http';
import { shuttingDown } from '../errors/errors.js';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import type { Logger } from '../logging/logger.js';
import type { InFlight } from './in-flight.js';

// After the deadline: how long the cut requests get to write their error and release their leases.
const CUT_GRACE_MS = 2000;
// How long answered responses get to leave the socket before the last connections are closed.
const FLUSH_MS = 1000;

/**
 * A graceful stop: no new connections, the requests in flight finish (up to `graceMs`), the rest end with an
 * error in their dialect (in-band for a stream), answered responses are flushed, then every component stops
 * (the audit queue is written, leases and the store are released).
 */
export async function drainAndStop(
  server: Server,
  inFlight: InFlight,
  lifecycle: Lifecycle,
  logger: Logger,
  graceMs: number,
): Promise<void> {
  logger.info(`draining: ${inFlight.size} requests in flight, up to ${graceMs} ms`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const { finished, cut } = await inFlight.drain(graceMs, CUT_GRACE_MS, shuttingDown);
  if (cut > 0) logger.warn(`shutdown deadline passed: ${cut} requests ended with shutting_down (${finished} finished)`);
  else if (finished > 0) logger.info(`drained: ${finished} requests finished`);
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, FLUSH_MS).unref())]);
  server.closeAllConnections();
  await lifecycle.stop();
}
