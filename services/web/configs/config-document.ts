/** A models config as the gateway reads it (`configs/models-config.json`): groups of models, and active_models. */
export type ConfigDocument = Record<string, unknown> & { active_models: Record<string, string[]> };
export type Provider = Record<string, unknown>;

export const API_TYPES = ['openai', 'vllm', 'lmstudio', 'llama.cpp', 'ollama', 'anthropic'] as const;

/** Every field a provider has in the models config, in the order the forms show them. */
export const PROVIDER_FIELDS = [
  { name: 'id', kind: 'text', required: true },
  { name: 'api_host', kind: 'url', required: true },
  { name: 'api_type', kind: 'choice', required: true },
  { name: 'api_token', kind: 'secret', required: false },
  { name: 'model_path', kind: 'text', required: false },
  { name: 'input_size', kind: 'integer', required: false },
  { name: 'weight', kind: 'number', required: false },
  { name: 'keep_alive', kind: 'text', required: false },
  { name: 'max_connections', kind: 'integer', required: false },
  { name: 'tool_calling', kind: 'flag', required: false },
  { name: 'is_embedding', kind: 'flag', required: false },
] as const;

export interface ModelEntry {
  readonly group: string;
  readonly name: string;
  readonly active: boolean;
  readonly providers: readonly Provider[];
  readonly pricing: Readonly<Record<string, unknown>> | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A pasted or uploaded text as a document; the gateway's check judges the rest. */
export function parseDocument(text: string): ConfigDocument | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  if (!isRecord(raw)) return 'expected a JSON object';
  if (!isRecord(raw['active_models'])) return 'active_models: expected {"<group>": ["<model name>", …]}';
  return raw as ConfigDocument;
}

export function modelsOf(doc: ConfigDocument): ModelEntry[] {
  const out: ModelEntry[] = [];
  for (const [group, models] of Object.entries(doc)) {
    if (group === 'active_models' || !isRecord(models)) continue;
    const active = new Set(doc.active_models[group] ?? []);
    for (const [name, entry] of Object.entries(models)) {
      const providers = isRecord(entry) && Array.isArray(entry['providers']) ? (entry['providers'] as Provider[]) : [];
      const pricing = isRecord(entry) && isRecord(entry['pricing']) ? entry['pricing'] : null;
      out.push({ group, name, active: active.has(name), providers, pricing });
    }
  }
  return out;
}

const copy = (doc: ConfigDocument): ConfigDocument => structuredClone(doc);

function entryOf(doc: ConfigDocument, group: string, model: string): Record<string, unknown> {
  const models = doc[group];
  const entry = isRecord(models) ? models[model] : undefined;
  if (!isRecord(entry)) throw new DocumentError('model_missing');
  return entry;
}

/** An edit that names something the document does not have (a stale form): said, never applied elsewhere. */
export class DocumentError extends Error {}

export function withModel(
  doc: ConfigDocument,
  group: string,
  name: string,
  first: Provider,
  active: boolean,
): ConfigDocument {
  const next = copy(doc);
  const models = isRecord(next[group]) ? (next[group] as Record<string, unknown>) : {};
  if (models[name] !== undefined) throw new DocumentError('model_exists');
  models[name] = { providers: [first] };
  next[group] = models;
  if (active) next.active_models[group] = [...(next.active_models[group] ?? []), name];
  return next;
}

export function withoutModel(doc: ConfigDocument, group: string, name: string): ConfigDocument {
  const next = copy(doc);
  entryOf(next, group, name);
  delete (next[group] as Record<string, unknown>)[name];
  const active = (next.active_models[group] ?? []).filter((m) => m !== name);
  if (active.length) next.active_models[group] = active;
  else delete next.active_models[group];
  if (Object.keys(next[group] as object).length === 0) delete next[group];
  return next;
}

export function withActive(doc: ConfigDocument, group: string, name: string, active: boolean): ConfigDocument {
  const next = copy(doc);
  entryOf(next, group, name);
  const list = (next.active_models[group] ?? []).filter((m) => m !== name);
  if (active) list.push(name);
  if (list.length) next.active_models[group] = list;
  else delete next.active_models[group];
  return next;
}

/** What a model costs per million input and output tokens (for cost budgets); null removes it. */
export function withPricing(
  doc: ConfigDocument,
  group: string,
  model: string,
  pricing: { input_per_million: number; output_per_million: number } | null,
): ConfigDocument {
  const next = copy(doc);
  const entry = entryOf(next, group, model);
  if (pricing) entry['pricing'] = pricing;
  else delete entry['pricing'];
  return next;
}

/** The provider at `index` replaced (or, with index null, one added at the end). */
export function withProvider(
  doc: ConfigDocument,
  group: string,
  model: string,
  index: number | null,
  provider: Provider,
) {
  const next = copy(doc);
  const providers = entryOf(next, group, model)['providers'] as Provider[];
  if (index === null) providers.push(provider);
  else if (index >= 0 && index < providers.length) providers[index] = provider;
  else throw new DocumentError('provider_missing');
  return next;
}

export function withoutProvider(doc: ConfigDocument, group: string, model: string, index: number): ConfigDocument {
  const next = copy(doc);
  const providers = entryOf(next, group, model)['providers'] as Provider[];
  if (!(index >= 0 && index < providers.length)) throw new DocumentError('provider_missing');
  providers.splice(index, 1);
  return next;
}

/** The providers in a new order, given as the old indexes: every one named once, or the edit is refused. */
export function withOrder(doc: ConfigDocument, group: string, model: string, order: readonly number[]): ConfigDocument {
  const next = copy(doc);
  const entry = entryOf(next, group, model);
  const providers = entry['providers'] as Provider[];
  const sorted = [...order].sort((a, b) => a - b);
  if (sorted.length !== providers.length || sorted.some((v, i) => v !== i)) throw new DocumentError('order_invalid');
  entry['providers'] = order.map((i) => providers[i]!);
  return next;
}

/** A token as it may be shown: its last four characters when long enough to keep the rest unguessable. */
export const shownToken = (token: unknown): string =>
  typeof token !== 'string' || token === '' ? '' : token.length >= 16 ? `••••${token.slice(-4)}` : '••••';

/** The document with every provider token replaced by its shown form: what views, diffs and non-admin exports get. */
export function redacted(doc: ConfigDocument): ConfigDocument {
  const next = copy(doc);
  for (const m of modelsOf(next))
    for (const p of m.providers) if (p['api_token']) p['api_token'] = shownToken(p['api_token']);
  return next;
}
