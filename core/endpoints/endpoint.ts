import type { Settings } from '../config/settings.js';
import type { ErrorDialect } from '../dialects/error-bodies.js';
import type { Exchange } from '../http/exchange.js';

export interface RoutePath {
  readonly path: string;
  /** True when LLM_ROUTER_EP_PREFIX goes in front of the path. */
  readonly prefixed: boolean;
}

export const ENDPOINT_GROUPS = [
  'openai',
  'anthropic',
  'ollama',
  'lmstudio',
  'builtin',
  'embeddings',
  'admin',
  'system',
] as const;
export type EndpointGroup = (typeof ENDPOINT_GROUPS)[number];

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  readonly paths: readonly RoutePath[];
  readonly dialect: ErrorDialect;
  /** What an access policy allows or denies this route as (LLM_ROUTER_AUTH_ENABLED). */
  readonly group: EndpointGroup;
  /** When present, the route exists only if this returns true. */
  readonly enabled?: (settings: Settings) => boolean;
}

export interface Endpoint {
  handle(ex: Exchange): Promise<void> | void;
}

/** An endpoint is a class with a static `route`, found by being in `core/endpoints/`. */
export interface EndpointClass {
  // biome-ignore lint/suspicious/noExplicitAny: tsyringe's constructor type takes any[] arguments
  new (...args: any[]): Endpoint;
  readonly route: RouteSpec;
}

export const prefixed = (path: string): RoutePath => ({ path, prefixed: true });
export const unprefixed = (path: string): RoutePath => ({ path, prefixed: false });
