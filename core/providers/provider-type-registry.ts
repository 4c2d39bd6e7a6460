import { join } from 'node:path';
import type { ApiType } from '../config/models-config.js';
import { discoverClasses, hasStatic } from '../registry/discover.js';
import type { ProviderType, ProviderTypeClass } from './provider-type.js';

export const PROVIDER_TYPES = Symbol('ProviderTypes');
export type ProviderTypes = ReadonlyMap<ApiType, ProviderType>;

export async function discoverProviderTypes(): Promise<ProviderTypes> {
  const classes = await discoverClasses(join(import.meta.dirname, 'types'), (v): v is ProviderTypeClass =>
    hasStatic(v, 'apiType'),
  );
  return new Map(classes.map((C) => [C.apiType, new C()]));
}
