import { createServer, IncomingMessage, type Server, type ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type express from 'express';
import type { Settings } from '../config/settings.js';
import { ERROR_BODIES } from '../dialects/error-bodies.js';
import { clientTimeout, headersTooLarge, malformedHttp } from '../errors/errors.js';
import type { GatewayError } from '../errors/gateway-error.js';
import { StartupError } from '../errors/startup-error.js';

// A burst of connections beyond Node's default backlog of 511 is refused by the kernel before any code runs.
const LISTEN_BACKLOG = 4096;
// Node checks its header deadline on this beat (30 s by default, which made a 20 s deadline fire at 30–50 s).
const DEADLINE_CHECK_MS = 1000;

/**
 * The HTTP server over the app. Clients that send no complete headers in time, or bytes that are not HTTP, are
 * answered with an error body (Node's own answer has none); the body's deadline is the app's.
 */
export function createHttpServer(app: express.Express, settings: Settings): Server {
  const server = createServer(
    {
      ...withPrototypes(app),
      headersTimeout: settings.clientTimeouts.headersMs,
      // The body's deadline is kept per request by the app, which can answer in the route's dialect.
      requestTimeout: 0,
      connectionsCheckingInterval: DEADLINE_CHECK_MS,
    },
    app,
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, settings));
  return server;
}

/**
 * Node's request and response built with Express's prototypes from the start. Express otherwise swaps the
 * prototype of every request and response it is handed (`Object.setPrototypeOf`), and V8 gives each swapped
 * object a map of its own: every property read on them in Node's HTTP code and ours then misses its inline
 * cache. With the prototype already in place, Express's swap changes nothing and all responses share one map.
 * Node's two constructors are plain functions, called here on the object `new` made from `Made`'s own map
 * (`Reflect.construct` with `Made` as its new target would make a map per object again); were they ever
 * classes, Node's own are used.
 */
function withPrototypes(app: express.Express): Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'> {
  const request = madeWith(IncomingMessage, app.request);
  const response = madeWith(ServerResponse, app.response);
  return request && response ? { IncomingMessage: request, ServerResponse: response } : {};
}

function madeWith<C extends new (...args: never[]) => object>(base: C, prototype: object): C | undefined {
  if (Function.prototype.toString.call(base).startsWith('class')) return undefined;
  const construct = base as unknown as (this: object, ...args: unknown[]) => void;
  function Made(this: object, ...args: unknown[]): void {
    construct.apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as C;
}

/** Listens on the configured address; one that cannot be listened on stops start-up in one line. */
export async function listen(server: Server, settings: Settings): Promise<void> {
  server.listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: Error) =>
      reject(
        new StartupError(
          `cannot listen on ${settings.host}:${settings.port} (LLM_ROUTER_SERVER_HOST/PORT): ${err.message}`,
        ),
      ),
    );
  });
}

/** What Node's default handler does, with a body: no request was parsed, so the dialect is OpenAI's. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket, settings: Settings): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const error = errorFor(err.code ?? '', settings);
  const body = JSON.stringify(ERROR_BODIES.openai(error));
  socket.end(
    `HTTP/1.1 ${error.status} ${REASONS[error.status] ?? 'Bad Request'}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function errorFor(code: string, settings: Settings): GatewayError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return clientTimeout('headers', settings.clientTimeouts.headersMs);
  if (code === 'HPE_HEADER_OVERFLOW') return headersTooLarge();
  return malformedHttp();
}
