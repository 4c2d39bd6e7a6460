import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import type { EndpointClass, RouteSpec } from '../endpoints/endpoint.js';
import { StartupError } from '../errors/startup-error.js';
import { discoverClasses, hasStatic } from '../registry/discover.js';

export interface ResolvedRoute {
  readonly method: RouteSpec['method'];
  readonly path: string;
  readonly endpoint: EndpointClass;
}

export async function discoverEndpoints(): Promise<EndpointClass[]> {
  return discoverClasses(join(import.meta.dirname, '..', 'endpoints'), (v): v is EndpointClass =>
    hasStatic(v, 'route'),
  );
}

/**
 * Full paths for every endpoint. With an empty prefix two routes of one endpoint may meet (`/api/chat/completions`
 * becomes `/chat/completions`): that is one route, not a conflict. Two endpoints on one path stop start-up.
 */
export function resolveRoutes(classes: readonly EndpointClass[], settings: Settings): ResolvedRoute[] {
  const byKey = new Map<string, ResolvedRoute>();
  for (const endpoint of classes) {
    const { route } = endpoint;
    if (route.enabled && !route.enabled(settings)) continue;
    for (const p of route.paths) {
      const path = p.prefixed ? `${settings.prefix}/${p.path.replace(/^\//, '')}` : p.path;
      const key = `${route.method} ${path}`;
      const existing = byKey.get(key);
      if (existing && existing.endpoint !== endpoint) {
        throw new StartupError(
          `route ${key} is claimed by both ${existing.endpoint.name} and ${endpoint.name} (check LLM_ROUTER_EP_PREFIX)`,
        );
      }
      byKey.set(key, { method: route.method, path, endpoint });
    }
  }
  return [...byKey.values()];
}
