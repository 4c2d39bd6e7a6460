import { inject, singleton } from 'tsyringe';
import { type Dispatcher, Pool, errors as undiciErrors } from 'undici';
import type { ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import {
  upstreamBadResponse,
  upstreamBusy,
  upstreamFailed,
  upstreamRateLimited,
  upstreamRejected,
  upstreamStreamBroken,
  upstreamTimeout,
  upstreamUnreachable,
} from '../errors/errors.js';
import { GatewayError } from '../errors/gateway-error.js';
import { sanitizeMessage } from '../errors/sanitize.js';
import { Lifecycle } from '../lifecycle/lifecycle.js';
import { ConnectionGate } from './connection-gate.js';
import type { Operation, ProviderType } from './provider-type.js';
import { readUpstreamError } from './upstream-error-body.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly body: Dispatcher.ResponseData['body'];
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

interface HostPool {
  readonly pool: Pool;
  readonly basePath: string;
  readonly gate: ConnectionGate;
}

/**
 * Calls providers over one keep-alive connection pool per upstream origin, with at most `max_connections` requests
 * in flight (the rest wait their turn, up to LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS). Health probes go over a
 * pool of their own, so they never queue behind the answers they are meant to judge.
 */
@singleton()
export class UpstreamClient {
  private readonly pools = new Map<string, HostPool>();
  private readonly probePools = new Map<string, Pool>();
  /** When each provider last answered a request with 200: real traffic outweighs a probe that timed out. */
  private readonly answeredAt = new Map<string, number>();

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    lifecycle.register('upstream client', { stop: () => this.close() });
  }

  async send(
    provider: ProviderConfig,
    type: ProviderType,
    op: Operation,
    path: string,
    payload: string,
    signal: AbortSignal,
    requestId = '',
    headersTimeoutMs = 0,
  ): Promise<UpstreamResponse> {
    const { pool, basePath, gate } = this.poolFor(provider);
    const waitMs = this.settings.balancing.waitTimeoutMs;
    const release = await gate.acquire(waitMs, signal);
    if (release === null) {
      if (signal.aborted && signal.reason instanceof GatewayError) throw signal.reason;
      throw upstreamBusy(provider.id, gate.size, waitMs);
    }
    try {
      const res = await pool.request({
        path: basePath + path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: op === 'embeddings' ? 'application/json' : '*/*',
          'x-request-id': requestId,
          ...type.headers(provider.api_token),
        },
        body: payload,
        signal,
        headersTimeout:
          headersTimeoutMs > 0
            ? Math.min(headersTimeoutMs, this.settings.upstreamTimeoutMs)
            : this.settings.upstreamTimeoutMs,
        bodyTimeout: this.settings.upstreamTimeoutMs,
      });
      res.body.once('close', release);
      if (res.statusCode === 200) this.answeredAt.set(provider.id, Date.now());
      const ct = res.headers['content-type'];
      const ra = res.headers['retry-after'];
      return {
        status: res.statusCode,
        contentType: (Array.isArray(ct) ? ct[0] : ct) ?? '',
        retryAfter: (Array.isArray(ra) ? ra[0] : ra) ?? null,
        body: res.body,
      };
    } catch (err) {
      release();
      throw transportError(err, provider.id, signal);
    }
  }

  /** A health probe: the HTTP status (0: no answer) and, in words, what happened. */
  async probe(provider: ProviderConfig, type: ProviderType, timeoutMs: number): Promise<ProbeResult> {
    const url = new URL(provider.api_host);
    let pool = this.probePools.get(url.origin);
    if (!pool) {
      pool = new Pool(url.origin, { connections: 2, keepAliveTimeout: 30_000, pipelining: 1 });
      this.probePools.set(url.origin, pool);
    }
    const basePath = url.pathname.replace(/\/+$/, '');
    try {
      const res = await pool.request({
        path: basePath + type.healthPath,
        method: 'GET',
        headers: type.headers(provider.api_token),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body.dump();
      return { status: res.statusCode, reason: `answered HTTP ${res.statusCode}` };
    } catch (err) {
      return { status: 0, reason: probeFailure(err, timeoutMs) };
    }
  }

  /**
   * The provider is sending an answer's body: it counts as answering, like an answer's headers do (thousands of
   * long streams may send no new headers for longer than a probe round, and their probe may time out behind them).
   */
  streaming(providerId: string): void {
    this.answeredAt.set(providerId, Date.now());
  }

  /** Milliseconds since the provider last answered a request or sent a part of one (Infinity if it never did). */
  sinceLastAnswer(providerId: string): number {
    const at = this.answeredAt.get(providerId);
    return at === undefined ? Number.POSITIVE_INFINITY : Date.now() - at;
  }

  get maxAnswerBytes(): number {
    return this.settings.maxAnswerBytes;
  }

  async close(): Promise<void> {
    const pools = [...[...this.pools.values()].map((h) => h.pool), ...this.probePools.values()];
    await Promise.all(pools.map((p) => p.close()));
    this.pools.clear();
    this.probePools.clear();
  }

  /** Each provider its own pool and limit (max_connections is a provider's), kept across reloads that keep it. */
  private poolFor(provider: ProviderConfig): HostPool {
    const key = `${provider.id}\n${provider.api_host}\n${provider.max_connections}`;
    let entry = this.pools.get(key);
    if (!entry) {
      const url = new URL(provider.api_host);
      const connections = provider.max_connections;
      entry = {
        pool: new Pool(url.origin, {
          keepAliveTimeout: 30_000,
          keepAliveMaxTimeout: 600_000,
          connections,
          pipelining: 1,
        }),
        basePath: url.pathname.replace(/\/+$/, ''),
        gate: new ConnectionGate(connections),
      };
      this.pools.set(key, entry);
    }
    return entry;
  }
}

/**
 * A failure while talking to a provider, as the client sees it: transport errors by their codes (nothing about
 * the host leaks; the server log keeps the transport's own reason as the cause), the request's own abort reason,
 * or the GatewayError it already was.
 */
export function transportError(
  err: unknown,
  providerId: string,
  signal?: AbortSignal,
  midStream = false,
): GatewayError {
  if (err instanceof GatewayError) return err;
  if (signal?.aborted && signal.reason instanceof GatewayError) return signal.reason;
  const code = (err as { code?: string }).code ?? '';
  const timedOut =
    TIMEOUT_CODES.has(code) ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError;
  if (timedOut) return upstreamTimeout(providerId, err);
  return midStream ? upstreamStreamBroken(providerId, err) : upstreamUnreachable(providerId, err);
}

export interface ProbeResult {
  readonly status: number;
  readonly reason: string;
}

/** Why a probe got no answer, in words an operator acts on (no host or address: it reaches clients). */
function probeFailure(err: unknown, timeoutMs: number): string {
  const code =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code ??
    '';
  if (code === 'ECONNREFUSED') return 'refused the connection (nothing listens there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'has a host name that does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'closed the connection';
  if (TIMEOUT_CODES.has(code) || (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError')
    return `did not answer within ${timeoutMs} ms`;
  return `could not be reached${code ? ` (${code})` : ''}`;
}

/** Reads an upstream error body and turns it into the error the client sees (4xx keep their status). */
export async function upstreamHttpError(res: UpstreamResponse, providerId: string): Promise<GatewayError> {
  const fields = readUpstreamError(await readBounded(res.body, 64 * 1024));
  const detail = sanitizeMessage(fields.message);
  if (res.status === 429) return upstreamRateLimited(providerId, detail, res.retryAfter);
  if (res.status >= 400 && res.status < 500) return upstreamRejected(res.status, providerId, detail, fields);
  return upstreamFailed(providerId, res.status, detail);
}

/** A whole answer, read up to the configured size; past it, a provider fault (memory stays bounded). */
export async function readAnswer(body: UpstreamResponse['body'], limit: number, providerId: string): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.on('error', () => {});
      body.destroy();
      throw upstreamBadResponse(
        providerId,
        `the answer is larger than ${limit} bytes (LLM_ROUTER_MAX_RESPONSE_BODY_SIZE)`,
      );
    }
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts, size).toString('utf8');
}

/** A status outside the API's success (200) and error (4xx, 5xx) answers: a redirect is never followed. */
export async function unexpectedStatus(res: UpstreamResponse, providerId: string): Promise<GatewayError> {
  await res.body.dump();
  const what = res.status >= 300 && res.status < 400 ? 'a redirect, which is not followed' : 'not a success status';
  return upstreamBadResponse(providerId, `answered HTTP ${res.status} (${what})`);
}

async function readBounded(body: UpstreamResponse['body'], limit: number): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length >= limit) {
      body.destroy();
      break;
    }
  }
  return text;
}
