import { inject, singleton } from 'tsyringe';
import { type Dispatcher, Pool, errors as undiciErrors } from 'undici';
import type { ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import {
  upstreamBadResponse,
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
import type { Operation, ProviderType } from './provider-type.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly body: Dispatcher.ResponseData['body'];
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Calls providers over one keep-alive connection pool per upstream origin. */
@singleton()
export class UpstreamClient {
  private readonly pools = new Map<string, { pool: Pool; basePath: string }>();

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
    const { pool, basePath } = this.poolFor(provider.api_host);
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
      const ct = res.headers['content-type'];
      const ra = res.headers['retry-after'];
      return {
        status: res.statusCode,
        contentType: (Array.isArray(ct) ? ct[0] : ct) ?? '',
        retryAfter: (Array.isArray(ra) ? ra[0] : ra) ?? null,
        body: res.body,
      };
    } catch (err) {
      throw transportError(err, provider.id, signal);
    }
  }

  /** A GET with a short timeout for health probes; resolves to the status, or 0 when unreachable. */
  async probe(provider: ProviderConfig, type: ProviderType, timeoutMs: number): Promise<number> {
    const { pool, basePath } = this.poolFor(provider.api_host);
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
      return res.statusCode;
    } catch {
      return 0;
    }
  }

  get maxAnswerBytes(): number {
    return this.settings.maxAnswerBytes;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(({ pool }) => pool.close()));
    this.pools.clear();
  }

  private poolFor(apiHost: string) {
    let entry = this.pools.get(apiHost);
    if (!entry) {
      const url = new URL(apiHost);
      entry = {
        pool: new Pool(url.origin, {
          keepAliveTimeout: 30_000,
          keepAliveMaxTimeout: 600_000,
          connections: 256,
          pipelining: 1,
        }),
        basePath: url.pathname.replace(/\/+$/, ''),
      };
      this.pools.set(apiHost, entry);
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

/** Reads an upstream error body and turns it into the error the client sees (4xx keep their status). */
export async function upstreamHttpError(res: UpstreamResponse, providerId: string): Promise<GatewayError> {
  const text = await readBounded(res.body, 64 * 1024);
  const detail = sanitizeMessage(extractMessage(text));
  if (res.status === 429) return upstreamRateLimited(providerId, detail, res.retryAfter);
  if (res.status >= 400 && res.status < 500) return upstreamRejected(res.status, providerId, detail);
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

function extractMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    const e = body.error;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
      return (e as { message: string }).message;
    if (typeof body.message === 'string') return body.message;
    if (typeof body.detail === 'string') return body.detail;
  } catch {
    // not JSON: the text itself is the message
  }
  return text;
}
