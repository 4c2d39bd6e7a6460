import { join } from 'node:path';
import { StartupError } from '../errors/startup-error.js';
import { discoverClasses, hasStatic } from '../registry/discover.js';
import type { BalanceStrategyClass } from './strategy.js';

/** Finds the strategy named by LLM_ROUTER_BALANCE_STRATEGY among the classes in `strategies/`. */
export async function findStrategy(id: string): Promise<BalanceStrategyClass> {
  const classes = await discoverClasses(join(import.meta.dirname, 'strategies'), (v): v is BalanceStrategyClass =>
    hasStatic(v, 'id'),
  );
  const found = classes.find((c) => c.id === id);
  if (!found) {
    throw new StartupError(
      `invalid LLM_ROUTER_BALANCE_STRATEGY=${JSON.stringify(id)}: expected one of ${classes.map((c) => c.id).join(', ')}`,
    );
  }
  return found;
}
