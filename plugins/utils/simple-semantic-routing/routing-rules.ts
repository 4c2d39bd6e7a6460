import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../../core/plugins/plugin-api.js';

/** One intent's evidence: substrings, weighted phrases (`"text:weight"`, else 2.0) and regular expressions. */
export interface Intent {
  readonly keywords: readonly string[];
  readonly phrases: ReadonlyArray<{ readonly text: string; readonly weight: number }>;
  readonly patterns: readonly RegExp[];
  readonly weights: Readonly<Record<string, number>>;
}

/** The reference's simple.json, with its environment overrides applied. */
export interface RoutingRules {
  /** The model pool, cheapest first. */
  readonly pool: readonly string[];
  readonly thresholds: readonly [simple: number, medium: number];
  readonly defaultModels: Readonly<Record<string, string>>;
  readonly intentAdjustment: Readonly<Record<string, string>>;
  /** In the file's order (ties go to the first), categories named only by the environment last. */
  readonly intents: ReadonlyMap<string, Intent>;
  /** The model when a request has no text. */
  readonly defaultModel: string;
}

// Intents come as a plain keyword list or as an object with keywords, phrases, patterns and weights.
const intentSchema = z.union([
  z.array(z.string()),
  z.object({
    keywords: z.array(z.string()).default([]),
    phrases: z.array(z.string()).default([]),
    patterns: z.array(z.string()).default([]),
    weights: z.record(z.string(), z.number()).default({}),
  }),
]);
const fileSchema = z.object({
  settings: z
    .object({
      len_thresholds_max: z.object({ simple: z.number(), medium: z.number() }).default({ simple: 25, medium: 150 }),
      default_models: z.record(z.string(), z.string()).default({}),
      intent_adjustment: z.record(z.string(), z.string()).default({}),
    })
    .default({ len_thresholds_max: { simple: 25, medium: 150 }, default_models: {}, intent_adjustment: {} }),
  intents: z.record(z.string(), intentSchema).default({}),
  none: z.unknown().optional(),
});

export interface RoutingOverrides {
  readonly models: string;
  readonly thresholds: string;
  readonly defaultModel: string;
  readonly intents: Readonly<Record<string, string>>;
}

const pipeList = (v: string) =>
  v
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export function loadRoutingRules(path: string, env: RoutingOverrides, variable: string): RoutingRules {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new StartupError(`cannot read the routing config ${path} (${variable}): ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(`invalid routing config ${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { settings, intents: fileIntents } = parsed.data;
  const intents = new Map<string, Intent>();
  for (const [name, spec] of Object.entries(fileIntents)) intents.set(name.toLowerCase(), intentOf(spec, path, name));
  // LLM_ROUTER_ROUTING_INTENT_<CATEGORY>=kw1|kw2|phrase:weight replaces that category (or adds it).
  for (const [name, value] of Object.entries(env.intents)) intents.set(name, envIntent(value));
  const pool = env.models ? pipeList(env.models) : Object.values(settings.default_models);
  if (pool.length === 0)
    throw new StartupError(
      `the routing model pool is empty: set LLM_ROUTER_ROUTING_MODELS or default_models in ${path}`,
    );
  return {
    pool,
    thresholds: thresholdsOf(env.thresholds, settings.len_thresholds_max),
    defaultModels: settings.default_models,
    intentAdjustment: settings.intent_adjustment,
    intents,
    defaultModel: env.defaultModel || settings.default_models['simple'] || pool[0]!,
  };
}

/** `simple|medium` as two whole numbers; anything else keeps the file's thresholds (as the reference does). */
function thresholdsOf(value: string, file: { simple: number; medium: number }): readonly [number, number] {
  const parts = value.split('|').map((s) => s.trim());
  if (parts.length === 2 && parts.every((p) => /^\d+$/.test(p))) return [Number(parts[0]), Number(parts[1])];
  return [file.simple, file.medium];
}

function intentOf(spec: z.infer<typeof intentSchema>, path: string, name: string): Intent {
  if (Array.isArray(spec)) return { keywords: lower(spec), phrases: [], patterns: [], weights: {} };
  return {
    keywords: lower(spec.keywords),
    phrases: spec.phrases.map(phraseOf),
    patterns: spec.patterns.map((p) => {
      try {
        return new RegExp(p, 'u');
      } catch (err) {
        throw new StartupError(`invalid pattern in ${path}, intent ${name}: ${(err as Error).message}`);
      }
    }),
    weights: Object.fromEntries(Object.entries(spec.weights).map(([k, w]) => [k.toLowerCase(), w])),
  };
}

/** `kw1|kw2|phrase:weight`: an item with a numeric weight after its last colon is a phrase, the rest keywords. */
function envIntent(value: string): Intent {
  const keywords: string[] = [];
  const phrases: Intent['phrases'][number][] = [];
  for (const item of pipeList(value.toLowerCase())) {
    if (/:\s*\d+(?:\.\d+)?$/.test(item)) phrases.push(phraseOf(item));
    else keywords.push(item);
  }
  return { keywords, phrases, patterns: [], weights: {} };
}

function phraseOf(item: string): { text: string; weight: number } {
  const at = item.lastIndexOf(':');
  const weight = at > 0 ? Number(item.slice(at + 1)) : Number.NaN;
  if (at > 0 && Number.isFinite(weight)) return { text: item.slice(0, at).toLowerCase(), weight };
  return { text: item.toLowerCase(), weight: 2 };
}

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
