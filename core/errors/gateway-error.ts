import { ERROR_CATALOGUE, type ErrorCode } from './catalogue.js';

export interface ErrorDetails {
  readonly param?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
  /** Only for `upstream_rejected`, which keeps the provider's 4xx. */
  readonly status?: number;
  /** Only for `upstream_rejected`: the backend's own code, type and param, which clients branch on. */
  readonly upstream?: { readonly code: string | null; readonly type: string | null; readonly param: string | null };
}

/**
 * Every error a client can see: a code of the catalogue, which fixes its status and type. Rendered once, in the
 * caller's dialect, by the error handler. Messages must never carry provider hosts or tokens.
 */
export class GatewayError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly upstream: ErrorDetails['upstream'] | null;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GatewayError';
    this.status = details.status ?? ERROR_CATALOGUE[code].status;
    this.type = ERROR_CATALOGUE[code].type;
    this.param = details.param ?? null;
    this.headers = details.headers ?? {};
    this.upstream = details.upstream ?? null;
  }
}

/** A failure the provider is to blame for: another provider of the model may well succeed. */
export class ProviderFault extends GatewayError {
  override readonly name: string = 'ProviderFault';
  /** The provider's own HTTP status, when it answered with one (a 500 may be a one-off, worth one more try). */
  upstreamStatus = 0;
}

/** A 429 from a provider: it rests for `retryAfterSeconds` while the request tries another. */
export class ProviderRateLimited extends ProviderFault {
  override readonly name: string = 'ProviderRateLimited';

  get retryAfterSeconds(): number {
    const raw = this.headers['retry-after'];
    const n = Number(raw);
    if (raw && Number.isFinite(n)) return n;
    const date = raw ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(date) ? 1 : Math.max(0, (date - Date.now()) / 1000);
  }
}

/** A guardrail judged the request or the answer unsafe. */
export class GuardrailBlocked extends GatewayError {
  override readonly name: string = 'GuardrailBlocked';
}
