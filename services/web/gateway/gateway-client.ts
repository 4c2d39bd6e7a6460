import { request } from 'undici';

/** What the gateway answered, or why it could not be asked; the message is the gateway's own when it gave one. */
export type GatewayAnswer<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly message: string; readonly param?: string };

export interface ProviderState {
  readonly id: string;
  readonly api_type: string;
  readonly api_host: string;
  readonly health: 'up' | 'down' | 'unknown';
  readonly why_down?: string;
  readonly breaker: { readonly state: 'closed' | 'open' | 'half_open'; readonly failures: number };
}

const TIMEOUT_MS = 15_000;

/**
 * The web service's only way to the gateway: its HTTP API. The admin token goes only to the admin routes; the
 * API key (when the gateway has keys on) only to the routes a client would call.
 */
export class GatewayClient {
  constructor(
    readonly url: string,
    private readonly adminToken: string,
    private readonly apiKey: string,
  ) {}

  get canAdminister(): boolean {
    return this.adminToken !== '';
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body: unknown, token: string): Promise<GatewayAnswer<T>> {
    try {
      const res = await request(`${this.url}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
      });
      const text = await res.body.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: said below with the status.
      }
      if (res.statusCode < 400 && parsed !== null) return { ok: true, status: res.statusCode, body: parsed as T };
      const error = (parsed as { error?: { message?: unknown; param?: unknown } } | null)?.error;
      return {
        ok: false,
        status: res.statusCode,
        message: typeof error?.message === 'string' ? error.message : `the gateway answered HTTP ${res.statusCode}`,
        ...(typeof error?.param === 'string' ? { param: error.param } : {}),
      };
    } catch (err) {
      return { ok: false, status: 0, message: `the gateway at ${this.url} did not answer (${(err as Error).message})` };
    }
  }

  admin<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<GatewayAnswer<T>> {
    return this.call<T>(method, `/api/admin/${route}`, body, this.adminToken);
  }

  /** The access-control API (`/api/auth/…`), for a web service whose admin token is an admin key. */
  auth<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<GatewayAnswer<T>> {
    return this.call<T>(method, `/api/auth/${route}`, body, this.adminToken);
  }

  client<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GatewayAnswer<T>> {
    return this.call<T>(method, path, body, this.apiKey);
  }

  /** A streamed chat completion, as the gateway sends it (SSE); the caller reads and closes the body. */
  async streamChat(body: unknown, signal: AbortSignal) {
    return request(`${this.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal,
      headersTimeout: 120_000,
      bodyTimeout: 300_000,
    });
  }
}
