import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DependencyContainer } from 'tsyringe';
import type { Settings } from '../config/settings.js';
import { ERROR_BODIES, type ErrorDialect } from '../dialects/error-bodies.js';
import type { Endpoint } from '../endpoints/endpoint.js';
import { bodyTooLarge, clientClosed, internalError, invalidJson, requestTimeout, routeNotFound, unsupportedEncoding } from '../errors/errors.js';
import { GatewayError } from '../errors/gateway-error.js';
import { causeOf } from '../errors/cause.js';
import type { Exchange } from '../http/exchange.js';
import { requestContext } from '../logging/request-context.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { discoverEndpoints, resolveRoutes } from './routes.js';
import { observeRequests } from './observe.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

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

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    requestContext.run({ requestId, endpoint: req.path }, next);
  });
  app.use(observeRequests(logger, metrics));

  // Any content type is read as JSON: curl's default form type should not turn a good body into a 400.
  const json = express.json({ limit: settings.maxBodyBytes, type: () => true });

  // Every route is an exact path, so one table lookup replaces Express's walk through a regex per route.
  const table = new Map<string, (req: Request, res: Response, next: NextFunction) => void>();
  for (const route of resolveRoutes(await discoverEndpoints(), settings)) {
    const endpoint = container.resolve<Endpoint>(route.endpoint);
    const dialect = route.endpoint.route.dialect;
    const run = (req: Request, res: Response, next: NextFunction) => handle(endpoint, req, res, settings).catch(next);
    table.set(`${route.method} ${route.path}`, (req, res, next) => {
      res.locals['dialect'] = dialect;
      if (route.method === 'GET') return run(req, res, next);
      json(req, res, (err?: unknown) => (err ? next(err) : run(req, res, next)));
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    const route = table.get(`${req.method} ${req.path}`);
    if (route) route(req, res, next);
    else next();
  });

  app.use((req: Request) => {
    throw routeNotFound(req.method, req.path);
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => renderError(err, res, logger));
  return app;
}

async function handle(endpoint: Endpoint, req: Request, res: Response, settings: Settings): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(clientClosed());
  });
  let deadline: NodeJS.Timeout | undefined;
  if (settings.requestTimeoutMs > 0) {
    deadline = setTimeout(
      () => controller.abort(requestTimeout(settings.requestTimeoutMs)),
      settings.requestTimeoutMs,
    );
  }
  const ex: Exchange = { req, res, body: req.body, signal: controller.signal };
  try {
    await endpoint.handle(ex);
  } finally {
    clearTimeout(deadline);
  }
}

function renderError(err: unknown, res: Response, logger: Logger): void {
  const error = asGatewayError(err);
  if (error.status >= 500) logger.error(`${error.code}: ${error.message}`, causeOf(err));
  else if (logger.isInfoEnabled()) logger.info(`${error.status} ${error.code}: ${error.message}`);
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
  return internalError();
}
