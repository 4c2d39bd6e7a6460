import express, { type NextFunction, type Request, type Response } from 'express';
import type { DependencyContainer } from 'tsyringe';
import { AccessControl, type Admission } from '../auth/access-control.js';
import type { UsageAccount } from '../auth/usage-meter.js';
import type { Settings } from '../config/settings.js';
import { ERROR_BODIES, type ErrorDialect } from '../dialects/error-bodies.js';
import type { Endpoint, EndpointGroup } from '../endpoints/endpoint.js';
import { causeOf } from '../errors/cause.js';
import {
  bodyTooLarge,
  clientClosed,
  clientTimeout,
  internalError,
  invalidJson,
  invalidRequest,
  requestTimeout,
  routeNotFound,
  unsupportedEncoding,
} from '../errors/errors.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Exchange, Principal } from '../http/exchange.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { InFlight } from './in-flight.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { requestObserver } from './observe.js';
import { requestIdOf } from './request-id.js';
import { discoverEndpoints, resolveRoutes } from './routes.js';

interface Route {
  readonly endpoint: Endpoint;
  readonly dialect: ErrorDialect;
  readonly group: EndpointGroup;
  readonly readsBody: boolean;
}

interface AppDeps {
  readonly container: DependencyContainer;
  readonly settings: Settings;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export async function buildApp({ container, settings, logger, metrics }: AppDeps): Promise<express.Express> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  // Any content type is read as JSON: curl's default form type should not turn a good body into a 400.
  const json = express.json({
    limit: settings.maxBodyBytes,
    type: () => true,
    // Refused before parsing: a body nested thousands deep parses, then breaks every recursive step after it.
    verify: (_req, _res, bytes) => {
      if (nestsDeeperThan(bytes)) throw Object.assign(new Error('too deep'), { type: 'entity.too.deep' });
    },
  });
  const observe = requestObserver(logger, metrics);
  const inFlight = container.resolve(InFlight);
  const access = settings.auth ? container.resolve(AccessControl) : null;
  // Every route is an exact path, so one table lookup replaces Express's walk through a regex per route.
  const routes = new Map<string, Route>();
  for (const r of resolveRoutes(await discoverEndpoints(), settings)) {
    const endpoint = container.resolve<Endpoint>(r.endpoint);
    routes.set(`${r.method} ${r.path}`, {
      endpoint,
      dialect: r.endpoint.route.dialect,
      group: r.endpoint.route.group,
      readsBody: r.method !== 'GET',
    });
  }

  // One middleware for every request (Express walks a layer per middleware): request id, log context, the
  // request's abort signal and deadline, one close listener for metrics and aborts, then the route.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    res.locals['requestId'] = requestId;
    serve(routes.get(`${req.method} ${req.path}`), requestId, req, res, next);
  });

  function serve(route: Route | undefined, requestId: string, req: Request, res: Response, next: NextFunction): void {
    const startedAt = performance.now();
    if (metrics.enabled) metrics.httpInProgress.inc();
    const controller = new AbortController();
    let deadline: NodeJS.Timeout | undefined;
    // Set once the handler runs: it then says itself when the request is done (for the drain).
    let started = false;
    res.once('close', () => {
      clearTimeout(deadline);
      if (!res.writableFinished) controller.abort(clientClosed());
      if (!started) inFlight.done(controller);
      observe(req, res, startedAt, route !== undefined, requestId);
    });
    if (route === undefined) {
      next();
      return;
    }
    res.locals['dialect'] = route.dialect;
    // While draining, what arrives on an open connection is still served, and the client is told to reconnect.
    if (inFlight.draining) res.setHeader('connection', 'close');
    inFlight.add(controller);
    if (settings.requestTimeoutMs > 0) {
      deadline = setTimeout(
        () => controller.abort(requestTimeout(settings.requestTimeoutMs)),
        settings.requestTimeoutMs,
      );
    }
    let principal: Principal | undefined;
    let account: UsageAccount | undefined;
    const run = () => {
      started = true;
      const ex: Exchange = {
        req,
        res,
        body: req.body,
        signal: controller.signal,
        requestId,
        endpoint: req.path,
        principal,
        ...(principal ? { keyId: principal.keyId, account } : {}),
      };
      handleOn(route.endpoint, ex).then(
        () => {
          clearTimeout(deadline);
          inFlight.done(controller);
        },
        (err: unknown) => {
          clearTimeout(deadline);
          next(err);
          inFlight.done(controller);
        },
      );
    };
    // The whole body within its deadline: a client trickling bytes would otherwise hold a connection for minutes.
    const readBody = () => {
      let late = false;
      const bodyDeadline = setTimeout(() => {
        late = true;
        next(clientTimeout('body', settings.clientTimeouts.bodyMs));
      }, settings.clientTimeouts.bodyMs);
      json(req, res, (err?: unknown) => {
        clearTimeout(bodyDeadline);
        if (late) return;
        if (err) next(err);
        else run();
      });
    };
    const proceed = () => (route.readsBody ? readBody() : run());
    if (access === null || access.isPublic(req.path)) {
      proceed();
      return;
    }
    // Before the body is read: a request without a valid key costs no parsing.
    const admitted = (admission: Admission) => {
      principal = admission.principal;
      account = admission.account;
      res.locals['keyId'] = admission.principal.keyId;
      res.set(admission.headers);
      res.once('close', admission.done);
      proceed();
    };
    let admission: Admission | Promise<Admission>;
    try {
      admission = access.admit(req, route.group, requestId);
    } catch (err) {
      next(err);
      return;
    }
    if (admission instanceof Promise) admission.then(admitted, (err: unknown) => next(err));
    else admitted(admission);
  }

  app.use((req: Request) => {
    throw routeNotFound(req.method, req.path);
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => renderError(err, res, logger));
  return app;
}

/** The endpoint's work as a promise, whether it throws, rejects or returns at once. */
function handleOn(endpoint: Endpoint, ex: Exchange): Promise<void> {
  try {
    return Promise.resolve(endpoint.handle(ex));
  } catch (err) {
    return Promise.reject(err);
  }
}

function renderError(err: unknown, res: Response, logger: Logger): void {
  const error = asGatewayError(err);
  const scope = { request_id: String(res.locals['requestId'] ?? '') };
  if (error.status >= 500) logger.error(`${error.code}: ${error.message}`, { ...scope, ...causeOf(err) });
  else if (logger.isInfoEnabled()) logger.info(`${error.status} ${error.code}: ${error.message}`, scope);
  if (res.headersSent) {
    res.end();
    return;
  }
  const dialect = (res.locals['dialect'] as ErrorDialect | undefined) ?? 'openai';
  res.status(error.status).set(error.headers).json(ERROR_BODIES[dialect](error));
}

/** Body-parser failures carry a `type` code; anything unknown is an internal error (logged, never shown). */
function asGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const parserType = (err as { type?: unknown }).type;
  if (parserType === 'entity.parse.failed') return invalidJson();
  if (parserType === 'entity.too.large') return bodyTooLarge((err as { limit: number }).limit);
  if (parserType === 'encoding.unsupported' || parserType === 'charset.unsupported') return unsupportedEncoding();
  if (parserType === 'request.aborted') return clientClosed();
  if (parserType === 'entity.verify.failed' || parserType === 'entity.too.deep')
    return invalidRequest(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  // zlib's own codes: a body that says gzip or deflate and is not.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_'))
    return invalidRequest('The request body is not valid data for its Content-Encoding');
  return internalError();
}
