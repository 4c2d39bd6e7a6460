import { once } from 'node:events';
import type { Request, Response } from 'express';
import type { RequestScope } from '../logging/request-scope.js';

/** Who made a request, when API keys are on: the key's id (never the key) and what its policy lets it use. */
export interface Principal {
  readonly keyId: string;
  allowsModel(model: string): boolean;
  /** What the key's policy asks for on top of the gateway's settings. */
  readonly privacy: {
    readonly masking: boolean;
    readonly guardrails: { readonly request: readonly string[]; readonly response: readonly string[] };
  };
}

/** One client request as the endpoints see it. */
export interface Exchange extends RequestScope {
  readonly req: Request;
  readonly res: Response;
  readonly body: unknown;
  /** Aborted when the client goes away or the request deadline passes. */
  readonly signal: AbortSignal;
  /** The key's holder (LLM_ROUTER_AUTH_ENABLED); absent when auth is off or the route is public. */
  readonly principal?: Principal;
}

/** Cache headers of the reference, so proxies never buffer or keep a stream. */
export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-cache, no-store, must-revalidate',
  pragma: 'no-cache',
  expires: '0',
  'x-accel-buffering': 'no',
  vary: 'Accept-Encoding',
};

/**
 * Sends a stream's headers now, in one write with the first bytes when those follow in the same turn (the relay
 * has them: a stream starts once its first event is in), instead of a write of its own: one system call fewer
 * for every stream.
 */
export function startStream(res: Response, contentType: string): void {
  res.status(200);
  res.set(STREAM_HEADERS);
  res.setHeader('content-type', contentType);
  res.cork();
  res.flushHeaders();
  process.nextTick(() => res.uncork());
}

/** Waits until a response that refused a write can take more; false when the client is gone. */
export async function drained(res: Response, signal: AbortSignal): Promise<boolean> {
  try {
    await once(res, 'drain', { signal });
    return true;
  } catch {
    return false;
  }
}

/** Writes with back-pressure; resolves false when the client is gone. */
export async function writeChunk(res: Response, text: string | Buffer, signal: AbortSignal): Promise<boolean> {
  if (text.length === 0) return !res.destroyed;
  if (res.destroyed) return false;
  if (res.write(text)) return true;
  try {
    await once(res, 'drain', { signal });
    return true;
  } catch {
    return false;
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

/** Sends a body that is already serialised (a provider's answer passed through as it came). */
export function sendText(res: Response, status: number, text: string, contentType: string): void {
  // Node's own status setter: Express's res.status validates the code, which costs on every answer.
  res.statusCode = status;
  res.setHeader('content-type', contentType || 'application/json');
  res.end(text);
}
