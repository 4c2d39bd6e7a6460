import type { ModelConfig, ModelsConfig } from './models-config.js';

/**
 * The models config in force, swapped whole by a reload. Everything that serves a request reads `models` when
 * it needs it, so a request holds the model it started with and the next one sees the new file. What is worth
 * computing once per config (a models list body) is kept with `derived`, which recomputes after a swap.
 */
export class LiveModels implements ModelsConfig {
  private current: ReadonlyMap<string, ModelConfig>;
  private cache = new Map<string, unknown>();
  version: string;

  constructor(initial: ModelsConfig & { readonly version: string }) {
    this.current = initial.models;
    this.version = initial.version;
  }

  get models(): ReadonlyMap<string, ModelConfig> {
    return this.current;
  }

  swap(next: ModelsConfig & { readonly version: string }): void {
    this.current = next.models;
    this.version = next.version;
    this.cache = new Map();
  }

  /** `make()` once per config version, under `key`. */
  derived<T>(key: string, make: (models: ReadonlyMap<string, ModelConfig>) => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make(this.current));
    return this.cache.get(key) as T;
  }
}
