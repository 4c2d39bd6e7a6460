import { join } from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { StartupError } from '../errors/startup-error.js';
import { discoverClasses, hasStatic } from '../registry/discover.js';
import type { PluginClass, PluginKind } from './plugin.js';

// dist/core/plugins → dist/plugins
const PLUGINS_ROOT = join(import.meta.dirname, '..', '..', 'plugins');

export type PluginCatalogue = ReadonlyMap<string, PluginClass>;

export async function discoverPlugins(root = PLUGINS_ROOT): Promise<PluginCatalogue> {
  const classes = await discoverClasses(root, (v): v is PluginClass => hasStatic(v, 'id') && hasStatic(v, 'kind'));
  const byId = new Map<string, PluginClass>();
  for (const c of classes) {
    const other = byId.get(c.id);
    if (other) throw new StartupError(`plugin id "${c.id}" is used by both ${other.name} and ${c.name}`);
    byId.set(c.id, c);
  }
  return byId;
}

/**
 * The plugins an env list names, in its order, built through the container (so they get their settings and
 * clients by constructor); an unknown id stops start-up naming the variable.
 */
export function pluginsFor<P>(
  catalogue: PluginCatalogue,
  container: DependencyContainer,
  kind: PluginKind,
  ids: readonly string[],
  variable: string,
): Array<{ id: string; plugin: P }> {
  // Every id is checked before any plugin is built: a typo is reported as such, not as another plugin's setting.
  const classes = ids.map((id) => {
    const found = catalogue.get(id);
    if (!found || found.kind !== kind) {
      const known = [...catalogue.values()].filter((c) => c.kind === kind).map((c) => c.id);
      throw new StartupError(
        `invalid ${variable}: unknown ${kind} plugin "${id}" (available: ${known.sort().join(', ') || 'none'})`,
      );
    }
    return found;
  });
  return classes.map((c) => ({ id: c.id, plugin: container.resolve(c) as P }));
}
