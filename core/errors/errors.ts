import { GatewayError, GuardrailBlocked, ProviderFault, ProviderRateLimited } from './gateway-error.js';

// The factories: every error the gateway raises is made here, so its code, wording and class stay together.

const RETRY_SOON = { 'retry-after': '5' } as const;

export const invalidRequest = (message: string, param: string | null = null) =>
  new GatewayError('invalid_request', message, { param });

export const invalidValue = (message: string, param: string | null) =>
  new GatewayError('invalid_value', message, { param });

export const missingParameter = (message: string, param: string | null) =>
  new GatewayError('missing_required_parameter', message, { param });

/** A client asked for masking that this gateway cannot do: refused, never served in clear. */
export const maskingNotConfigured = () =>
  new GatewayError(
    'masking_not_configured',
    'The request asks for "anonymize": true, but no masker is configured (LLM_ROUTER_MASKING_STRATEGY_PIPELINE), so it was not sent',
    { param: 'anonymize' },
  );

/** A masker named in a request that this gateway has not been set up for (its sidecar's host is not set). */
export const maskerNotConfigured = (id: string, param: string) =>
  new GatewayError(
    'masking_not_configured',
    `${id} is not configured on this gateway (LLM_ROUTER_MASKER_PII_HOST), so the text was not masked`,
    { param },
  );

/** Something the client sent that the backend's format has no place for: refused, never dropped. */
export const notCarried = (what: string, param: string, backend: string) =>
  new GatewayError('invalid_request', `${what} cannot be sent to this model's backend (${backend} format)`, {
    param,
  });

/** Masking is on and part of the request is a file whose words the masker cannot read: refused, not sent. */
export const cannotMask = (mediaType: string) =>
  new GatewayError(
    'invalid_request',
    // The media type is the client's text: named only when it is one (this message reaches the log).
    `The request holds a ${MEDIA_TYPE.test(mediaType) ? mediaType : 'binary'} file, which cannot be masked, so it was not sent (masking is on)`,
  );

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,64}$/i;

// The reference's codes and words for a refused key; the key itself is never echoed.
export const missingKey = () =>
  new GatewayError('missing_key', 'API key not provided. Send it in the Authorization header or as x-api-key.', {
    headers: { 'www-authenticate': 'Bearer' },
  });
export const invalidKey = () => new GatewayError('invalid_key', 'API key not found or invalid.');
export const keyInactive = () => new GatewayError('key_inactive', 'This API key has been deactivated.');
export const keyExpired = () => new GatewayError('key_expired', 'This API key has expired.');
export const keyRotated = () => new GatewayError('key_rotated', 'This API key has been rotated. Use the new key.');
export const keyInQuery = (param: string) =>
  new GatewayError('key_in_query', 'API keys are not accepted in the URL (it ends up in logs); send a header', {
    param,
  });
export const endpointDenied = () =>
  new GatewayError('endpoint_denied_by_policy', 'Access to this endpoint is denied by policy.');

/** A key's limit (requests per minute, or at once), or too many failed authentications from one address. */
export const rateLimited = (what: string, retryAfterS: number, headers: Readonly<Record<string, string>> = {}) =>
  new GatewayError('rate_limited', `Rate limit exceeded: ${what}.`, {
    headers: { ...headers, 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
  });

/**
 * A budget used up: told apart from a rate limit (`x-should-retry: false`, so SDKs do not retry for hours), with
 * the budget named and when it renews.
 */
export const budgetExceeded = (what: string, renewsAt: number) =>
  new GatewayError(
    'budget_exceeded',
    `Budget used up: ${what}. It renews at ${new Date(renewsAt).toISOString().replace('.000Z', 'Z')}.`,
    {
      headers: {
        'retry-after': String(Math.max(1, Math.ceil((renewsAt - Date.now()) / 1000))),
        'x-should-retry': 'false',
      },
    },
  );

/** The admin API was asked about a key id that is not in the store (not echoed: it is the caller's text). */
export const keyNotFound = () => new GatewayError('key_not_found', 'No API key has this id', { param: 'id' });

/** A key's policy requires masking and this gateway has no masker: its requests are refused, never sent in clear. */
export const policyMaskingUnavailable = () =>
  new GatewayError(
    'masking_not_configured',
    "This key's policy requires masking, but no masker is configured (LLM_ROUTER_MASKING_STRATEGY_PIPELINE), so the request was not sent",
    { status: 503 },
  );

export const unauthorized = () =>
  new GatewayError('unauthorized', 'A valid admin token is needed (Authorization: Bearer <LLM_ROUTER_ADMIN_TOKEN>)', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/** A models config a reload, an apply or a check refused; the one in force keeps serving. */
export const configInvalid = (why: string, outcome = 'was not reloaded') =>
  new GatewayError('config_invalid', `The models config ${outcome}: ${why}`);

/** A valid models config that could not be written where the gateway reads it; the one in force keeps serving. */
export const configNotWritten = (why: string) =>
  new GatewayError('config_not_written', `The models config was not applied: it could not be written (${why})`);

export const invalidJson = () => new GatewayError('invalid_json', 'The request body is not valid JSON');

export const modelNotFound = (model: string) =>
  new GatewayError('model_not_found', `The model '${model}' does not exist`, { param: 'model' });

/** `model: "auto"` that no routing plugin turned into a model (none configured, or none was confident). */
export const modelNotRouted = () =>
  new GatewayError(
    'model_not_routed',
    'The model "auto" is chosen by a routing plugin and none chose one: list simple_semantic_routing or semantic_biencoder_routing in LLM_ROUTER_UTILS_PLUGINS_PIPELINE (the simple router always decides; the semantic one only above its similarity_threshold)',
    { param: 'model' },
  );

export const routeNotFound = (method: string, path: string) =>
  new GatewayError('unknown_route', `No route for ${method} ${path}`);

export const bodyTooLarge = (limit: number) =>
  new GatewayError('request_too_large', `Request body exceeds the limit of ${limit} bytes`);

export const unsupportedEncoding = () =>
  new GatewayError('unsupported_encoding', 'The request body encoding is not supported');

/** The client took longer than LLM_ROUTER_CLIENT_…_TIMEOUT_SECONDS to send its request's headers or body. */
export const clientTimeout = (part: 'headers' | 'body', ms: number) =>
  new GatewayError('client_timeout', `The request ${part} did not arrive within ${ms} ms`, {
    headers: { connection: 'close' },
  });

export const headersTooLarge = () =>
  new GatewayError('headers_too_large', 'The request headers are larger than the server accepts');

export const malformedHttp = () => new GatewayError('malformed_http', 'The request is not valid HTTP/1.1');

export const clientClosed = () => new GatewayError('client_closed', 'The client closed the connection');

export const requestTimeout = (ms: number) =>
  new GatewayError('request_timeout', `The request took longer than ${ms} ms`);

export const contentBlocked = (what: 'request' | 'answer', plugin: string, category: string) =>
  new GuardrailBlocked('content_blocked', `The ${what} was blocked by the guardrail '${plugin}' (${category})`, {
    param: what === 'request' ? 'messages' : null,
  });

export const guardrailUnavailable = (message: string, cause?: unknown) =>
  new GatewayError('guardrail_unavailable', message, { headers: RETRY_SOON, cause });

export const maskerUnavailable = (message: string, cause?: unknown) =>
  new GatewayError('masker_unavailable', message, { headers: RETRY_SOON, cause });

/** A utils plugin (RAG, routing) failed at request time: its embedder or index, never the client's fault. */
export const utilsUnavailable = (plugin: string, cause?: unknown) =>
  new GatewayError('utils_unavailable', `The utils plugin '${plugin}' failed, so the request was not sent`, {
    headers: RETRY_SOON,
    cause,
  });

/** The shared state (Redis) failed or did not answer within LLM_ROUTER_REDIS_TIMEOUT_SECONDS. */
export const stateUnavailable = (cause?: unknown) =>
  new GatewayError('state_unavailable', 'The gateway cannot reach its shared state now; try again shortly', {
    headers: RETRY_SOON,
    cause,
  });

/** A request still running when the shutdown deadline (LLM_ROUTER_SHUTDOWN_TIMEOUT_SECONDS) passed. */
export const shuttingDown = () =>
  new GatewayError('shutting_down', 'The gateway is shutting down; send the request again', {
    headers: { 'retry-after': '1' },
  });

/** `retry` false: a retry within seconds cannot help (the SDKs' `x-should-retry` header tells them so). */
export const noProviderAvailable = (model: string, why: string, retryAfterS: number, retry = true) =>
  new GatewayError('no_provider_available', `No provider of '${model}' can take the request now: ${why}`, {
    param: 'model',
    headers: {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterS))),
      ...(retry ? {} : { 'x-should-retry': 'false' }),
    },
  });

export const upstreamRejected = (
  status: number,
  provider: string,
  detail: string,
  upstream: { code: string | null; type: string | null; param: string | null } = {
    code: null,
    type: null,
    param: null,
  },
) =>
  new GatewayError('upstream_rejected', `Provider '${provider}' rejected the request: ${detail}`, {
    status,
    upstream,
    param: upstream.param,
  });

export const upstreamRateLimited = (provider: string, detail: string, retryAfter: string | null) =>
  new ProviderRateLimited('upstream_rate_limited', `Provider '${provider}' is rate limiting: ${detail}`, {
    headers: retryAfter ? { 'retry-after': retryAfter } : {},
  });

export const upstreamFailed = (provider: string, status: number, detail: string) => {
  const err = new ProviderFault('upstream_failed', `Provider '${provider}' failed with status ${status}: ${detail}`);
  err.upstreamStatus = status;
  return err;
};

export const upstreamUnreachable = (provider: string, cause?: unknown) =>
  new ProviderFault('upstream_unreachable', `Provider '${provider}' could not be reached`, { cause });

export const upstreamTimeout = (provider: string, cause?: unknown) =>
  new ProviderFault('upstream_timeout', `Provider '${provider}' did not answer in time`, { cause });

export const upstreamStreamBroken = (provider: string, cause?: unknown) =>
  new ProviderFault('upstream_stream_error', `Provider '${provider}' broke off the stream mid-stream`, { cause });

/** One line of a provider's stream longer than a whole answer may be (it would be held in memory whole). */
export const eventTooLarge = (provider: string, limit: number) =>
  upstreamBadResponse(provider, `an event is larger than ${limit} bytes (LLM_ROUTER_MAX_RESPONSE_BODY_SIZE)`);

/** An error frame the provider itself put into its stream. */
export const upstreamStreamError = (detail: string) =>
  new ProviderFault('upstream_stream_error', `The provider failed mid-stream: ${detail}`);

/** Every connection to a provider was busy for as long as a request may wait: another provider may answer. */
export const upstreamBusy = (provider: string, connections: number, waitedMs: number) =>
  new ProviderFault(
    'upstream_busy',
    `Provider '${provider}' has all its ${connections} connections busy (max_connections); waited ${Math.round(waitedMs / 1000)} s`,
    { headers: RETRY_SOON },
  );

export const upstreamBadResponse = (provider: string, detail: string) =>
  new ProviderFault('upstream_bad_response', `Provider '${provider}' sent an invalid response: ${detail}`);

export const internalError = (cause?: unknown) =>
  new GatewayError('internal_error', 'An internal error occurred', { cause });
