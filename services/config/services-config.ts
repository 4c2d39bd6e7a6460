import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { envBool, envInt, envString } from '../../core/config/env-values.js';
import { StartupError } from '../../core/errors/startup-error.js';

const guardSchema = z.object({
  enabled: z.boolean().default(false),
  model_path: z.string().min(1),
  /** Labels that mean "safe" (HerBERT-PL-Guard: `safe`); with none (Bielik-Guard), every label is a category. */
  safe_labels: z.array(z.string()).default(['safe']),
  min_score_for_safe: z.number().min(0).max(1).default(0.5),
  min_score_for_not_safe: z.number().min(0).max(1).default(0.5),
  quantized: z.boolean().default(false),
});

const modelSchema = z.object({
  enabled: z.boolean().default(false),
  model_path: z.string().min(1),
  quantized: z.boolean().default(false),
});

const fileSchema = z.object({
  guardrails: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'guard names are lower-case words with _'), guardSchema)
    .default({}),
  pii_masker: modelSchema
    .extend({
      min_score: z.number().min(0).max(1).default(0.5),
      /** Model entity types → placeholder tags (`PER` → `{{PERSON_1}}`); others are upper-cased. */
      entity_tags: z.record(z.string(), z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default({}),
    })
    .optional(),
  embeddings: modelSchema.optional(),
  workers: z.number().int().min(1).max(64).default(1),
  batch_size: z.number().int().min(1).max(1024).default(64),
  cache_size: z.number().int().min(0).default(10000),
});

export type GuardConfig = z.infer<typeof guardSchema> & { readonly name: string };
export type ServicesConfig = Readonly<{
  host: string;
  port: number;
  guards: readonly GuardConfig[];
  pii: (z.infer<typeof fileSchema>['pii_masker'] & object) | null;
  embeddings: z.infer<typeof modelSchema> | null;
  workers: number;
  batchSize: number;
  cacheSize: number;
}>;

// The reference's variable stems for its two guards; any other guard `x_guard` uses LLM_ROUTER_X_GUARD_….
const ENV_STEM: Record<string, string> = {
  nask_guard: 'NASK_PIB_GUARD',
  sojka_guard: 'SOJKA_GUARD',
  pii_masker: 'PII_MASKER',
  embeddings: 'EMBEDDINGS',
};
const stemOf = (name: string) => ENV_STEM[name] ?? name.toUpperCase();

/**
 * configs/services.json (or LLM_ROUTER_SERVICES_CONFIG), with the reference's variables on top:
 * LLM_ROUTER_<STEM>_ENABLED and LLM_ROUTER_<STEM>_MODEL_PATH per model, LLM_ROUTER_API_HOST/PORT.
 * A model that is on must be a directory with config.json; relative paths are from the working directory.
 */
export function loadServicesConfig(env: NodeJS.ProcessEnv = process.env): ServicesConfig {
  const file = resolve(env['LLM_ROUTER_SERVICES_CONFIG'] ?? 'configs/services.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new StartupError(`cannot read LLM_ROUTER_SERVICES_CONFIG ${file}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(`invalid ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const cfg = parsed.data;
  const withEnv = <T extends { enabled: boolean; model_path: string }>(name: string, model: T): T => {
    const stem = stemOf(name);
    const enabled = read(env, `LLM_ROUTER_${stem}_ENABLED`, envBool(model.enabled));
    const path = resolve(read(env, `LLM_ROUTER_${stem}_MODEL_PATH`, envString(model.model_path)) || model.model_path);
    if (enabled && !existsSync(join(path, 'config.json'))) {
      throw new StartupError(
        `${name} is enabled but its model directory ${path} has no config.json (set LLM_ROUTER_${stem}_MODEL_PATH or model_path in ${file})`,
      );
    }
    return { ...model, enabled, model_path: path };
  };
  const guards = Object.entries(cfg.guardrails).map(([name, g]) => ({ name, ...withEnv(name, g) }));
  const pii = cfg.pii_masker ? withEnv('pii_masker', cfg.pii_masker) : null;
  const embeddings = cfg.embeddings ? withEnv('embeddings', cfg.embeddings) : null;
  return Object.freeze({
    host: read(env, 'LLM_ROUTER_API_HOST', envString('127.0.0.1')),
    port: read(env, 'LLM_ROUTER_API_PORT', envInt(5000, 0, 65535)),
    guards: guards.filter((g) => g.enabled),
    pii: pii?.enabled ? pii : null,
    embeddings: embeddings?.enabled ? embeddings : null,
    workers: read(env, 'LLM_ROUTER_SERVICES_WORKERS', envInt(cfg.workers, 1, 64)),
    batchSize: cfg.batch_size,
    cacheSize: read(env, 'LLM_ROUTER_SERVICES_CACHE_SIZE', envInt(cfg.cache_size, 0)),
  });
}

function read<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T, string | undefined>): T {
  const r = schema.safeParse(env[name]);
  if (!r.success) throw new StartupError(`invalid ${name}=${JSON.stringify(env[name])}: ${r.error.issues[0]!.message}`);
  return r.data;
}
