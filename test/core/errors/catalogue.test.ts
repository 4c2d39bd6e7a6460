import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ERROR_BODIES } from '../../../core/dialects/error-bodies.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../../core/errors/catalogue.js';
import * as errors from '../../../core/errors/errors.js';
import { GatewayError, GuardrailBlocked, ProviderFault } from '../../../core/errors/gateway-error.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
const SOURCES = ['core', 'plugins', 'services'].flatMap((d) => sources(join(ROOT, d)));
const FACTORIES = readFileSync(join(ROOT, 'core', 'errors', 'errors.ts'), 'utf8');

// One sample of every factory, so that each code is seen with the class it is raised as.
const SAMPLES: GatewayError[] = [
  errors.invalidRequest('x', 'messages'),
  errors.invalidValue('x', 'language'),
  errors.missingParameter('x', 'texts'),
  errors.invalidJson(),
  errors.maskingNotConfigured(),
  errors.modelNotFound('m'),
  errors.modelNotRouted(),
  errors.routeNotFound('GET', '/x'),
  errors.bodyTooLarge(10),
  errors.unsupportedEncoding(),
  errors.clientClosed(),
  errors.requestTimeout(5),
  errors.contentBlocked('request', 'g', 'crime'),
  errors.guardrailUnavailable('x'),
  errors.maskerUnavailable('x'),
  errors.utilsUnavailable('x'),
  errors.stateUnavailable(),
  errors.noProviderAvailable('m', 'why', 0.2),
  errors.upstreamRejected(422, 'p', 'bad'),
  errors.upstreamRateLimited('p', 'slow down', '7'),
  errors.upstreamFailed('p', 500, 'boom'),
  errors.upstreamUnreachable('p'),
  errors.upstreamBusy('p', 4, 1000),
  errors.upstreamTimeout('p'),
  errors.upstreamStreamBroken('p'),
  errors.upstreamStreamError('boom'),
  errors.upstreamBadResponse('p', 'not JSON'),
  errors.internalError(),
  errors.unauthorized(),
  errors.configInvalid('why'),
  errors.configNotWritten('EACCES'),
  errors.clientTimeout('body', 5),
  errors.headersTooLarge(),
  errors.malformedHttp(),
  errors.shuttingDown(),
  errors.missingKey(),
  errors.invalidKey(),
  errors.keyInactive(),
  errors.keyExpired(),
  errors.keyRotated(),
  errors.keyInQuery('api_key'),
  errors.endpointDenied(),
  errors.rateLimited('x', 1),
  errors.budgetExceeded("the key's tokens per day (10, used 12)", Date.now() + 1000),
  errors.keyNotFound(),
  errors.policyMaskingUnavailable(),
];

describe('error catalogue', () => {
  it('gives every code a client status and an error type', () => {
    for (const code of CODES) {
      const { status, type } = ERROR_CATALOGUE[code];
      assert.ok(status >= 400 && status < 600, code);
      assert.match(type, /^[a-z_]+_error$/, code);
      const err = new GatewayError(code, 'message');
      assert.equal(err.status, status);
      assert.equal(err.type, type);
    }
  });

  it('has a factory for every code and no code without one', () => {
    for (const code of CODES) assert.ok(FACTORIES.includes(`'${code}'`), `no factory raises ${code}`);
    assert.deepEqual(new Set(SAMPLES.map((e) => e.code)), new Set(CODES), 'the samples cover the catalogue');
  });

  it('raises errors only through the factories', () => {
    const outside = SOURCES.filter(
      (f) =>
        !f.includes(join('core', 'errors')) &&
        /new (GatewayError|ProviderFault|GuardrailBlocked)\(/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      outside.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('marks exactly the failures another provider may fix as provider faults, and blocks as blocks', () => {
    const faults = SAMPLES.filter((e) => e instanceof ProviderFault).map((e) => e.code);
    assert.deepEqual(
      new Set(faults),
      new Set([
        'upstream_rate_limited',
        'upstream_failed',
        'upstream_unreachable',
        'upstream_busy',
        'upstream_timeout',
        'upstream_stream_error',
        'upstream_bad_response',
      ]),
    );
    assert.deepEqual(
      SAMPLES.filter((e) => e instanceof GuardrailBlocked).map((e) => e.code),
      ['content_blocked'],
    );
  });

  it('keeps the provider status of a rejection and the Retry-After of a rate limit', () => {
    assert.equal(errors.upstreamRejected(422, 'p', 'bad').status, 422);
    const limited = errors.upstreamRateLimited('p', 'slow down', '7');
    assert.equal(limited.status, 429);
    assert.equal(limited.retryAfterSeconds, 7);
    assert.equal(errors.upstreamRateLimited('p', 'x', null).retryAfterSeconds, 1);
  });

  it('renders every error in every dialect with its message', () => {
    for (const err of SAMPLES) {
      for (const [dialect, body] of Object.entries(ERROR_BODIES)) {
        assert.ok(
          JSON.stringify(body(err)).includes(JSON.stringify(err.message).slice(1, -1)),
          `${dialect} ${err.code}`,
        );
      }
    }
  });
});
