import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../errors/startup-error.js';
import { deepFreeze } from './settings.js';

export const API_TYPES = ['openai', 'vllm', 'lmstudio', 'llama.cpp', 'ollama', 'anthropic'] as const;
export type ApiType = (typeof API_TYPES)[number];

const KEEP_ALIVE = /^\d+[smh]$/;

const providerSchema = z.object({
  id: z.string().min(1),
  api_host: z.url({ protocol: /^https?$/ }),
  api_type: z.enum(API_TYPES),
  api_token: z.string().default(''),
  model_path: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  input_size: z.coerce.number().int().nonnegative().default(0),
  // The reference clamps weights to [0, 1] and falls back to 1.0 on junk; we keep the clamp, refuse junk.
  weight: z
    .number()
    .nonnegative()
    .default(1)
    .transform((w) => Math.min(w, 1)),
  keep_alive: z
    .string()
    .regex(KEEP_ALIVE, 'expected like "35m", "90s" or "1h"')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  tool_calling: z.boolean().default(false),
  is_embedding: z.boolean().default(false),
  /** Requests in flight to this provider at once (more wait, up to LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS). */
  max_connections: z.number().int().min(1).max(65_536).default(1024),
});

// The paths are the gateway's to add (`/v1/chat/completions`, `/api/chat`): a base URL that already ends in
// them would double them and every request would be a 404.
const API_ROOT = { ollama: /\/api\/*$/, other: /\/v1\/*$/ };

function baseUrlOf(host: string, type: ApiType): string {
  return host.replace(type === 'ollama' ? API_ROOT.ollama : API_ROOT.other, '').replace(/\/+$/, '');
}

// What a model costs per million input and output tokens, in whatever unit budgets are set in (cost budgets).
const pricingSchema = z.strictObject({
  input_per_million: z.number().nonnegative(),
  output_per_million: z.number().nonnegative(),
});

const modelSchema = z.looseObject({
  pricing: pricingSchema.optional(),
  providers: z
    .array(providerSchema.transform((p) => ({ ...p, api_host: baseUrlOf(p.api_host, p.api_type) })))
    .min(1, 'a model needs at least one provider'),
});

export type ProviderConfig = Readonly<z.output<typeof providerSchema>>;

/** One provider's fields checked as in a config (the admin API's "check host"); the message names the field. */
export function parseProvider(raw: unknown): ProviderConfig {
  const parsed = providerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(`field ${issue.path.join('.') || '(provider)'}: ${issue.message}`);
  }
  return { ...parsed.data, api_host: baseUrlOf(parsed.data.api_host, parsed.data.api_type) };
}

export interface ModelConfig {
  readonly name: string;
  readonly providers: readonly ProviderConfig[];
  /** True when every provider is an embedding model. */
  readonly isEmbedding: boolean;
  readonly pricing?: Readonly<z.output<typeof pricingSchema>>;
}

export interface ModelsConfig {
  /** Active models in the order the file lists them (groups, then names). */
  readonly models: ReadonlyMap<string, ModelConfig>;
}

export const MODELS_CONFIG = Symbol('ModelsConfig');

/** The file read and checked, with its version: the first 12 hex digits of its SHA-256. */
export function loadModelsConfig(path: string): ModelsConfig & { readonly version: string } {
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(path, 'utf8');
    raw = JSON.parse(text);
  } catch (err) {
    throw new StartupError(`models config ${path}: ${(err as Error).message}`);
  }
  return { ...parseModelsConfig(raw, path), version: versionOf(text) };
}

/** A config file's version: the first 12 hex digits of its text's SHA-256 (what metrics and reloads report). */
export const versionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

export function parseModelsConfig(raw: unknown, source: string): ModelsConfig {
  const fail = (where: string, why: string) => new StartupError(`models config ${source}: ${where}: ${why}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw fail('top level', 'expected a JSON object');
  const file = raw as Record<string, unknown>;
  const active = z.record(z.string(), z.array(z.string())).safeParse(file['active_models']);
  if (!active.success) throw fail('active_models', 'expected {"<group>": ["<model name>", …]}');

  const models = new Map<string, ModelConfig>();
  const providerOwner = new Map<string, string>();
  for (const [group, names] of Object.entries(active.data)) {
    const groupModels = file[group];
    if (!groupModels || typeof groupModels !== 'object')
      throw fail(`active_models.${group}`, `group "${group}" is not defined`);
    for (const name of names) {
      const entry = (groupModels as Record<string, unknown>)[name];
      if (entry === undefined)
        throw fail(`model "${name}"`, `listed in active_models.${group} but not defined in group "${group}"`);
      const parsed = modelSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw fail(`model "${name}"`, `field ${issue.path.join('.') || '(model)'}: ${issue.message}`);
      }
      if (models.has(name)) throw fail(`model "${name}"`, 'listed twice in active_models');
      for (const p of parsed.data.providers) {
        const owner = providerOwner.get(p.id);
        if (owner !== undefined)
          throw fail(`model "${name}"`, `duplicate provider id "${p.id}" (also used by "${owner}")`);
        providerOwner.set(p.id, name);
      }
      models.set(
        name,
        deepFreeze({
          name,
          providers: parsed.data.providers,
          isEmbedding: parsed.data.providers.every((p) => p.is_embedding),
          ...(parsed.data.pricing ? { pricing: parsed.data.pricing } : {}),
        }),
      );
    }
  }
  // A gateway with no model answers every request with a 404: almost always a config that lost its list.
  if (models.size === 0) throw fail('active_models', 'lists no model, so the gateway would serve none');
  return deepFreeze({ models });
}
