import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Settings, StartupError } from '../../../core/plugins/plugin-api.js';

const VARIABLE = 'LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG';

const fileSchema = z.object({
  embedding_model: z.string().min(1),
  settings: z
    .object({
      chunk_size: z.number().int().positive().default(256),
      chunk_overlap: z.number().int().min(0).default(64),
      similarity_threshold: z.number().min(-1).max(1).default(0),
      top_k: z.number().int().positive().default(1),
      vector_store_path: z.string().optional(),
    })
    .default({ chunk_size: 256, chunk_overlap: 64, similarity_threshold: 0, top_k: 1 }),
  routing_targets: z
    .array(
      z.object({
        name: z.string().min(1),
        model_name: z.string().min(1),
        description: z.string().default(''),
        examples: z.array(z.string()).default([]),
      }),
    )
    .min(1),
});

export type RoutingTarget = z.infer<typeof fileSchema>['routing_targets'][number];

export interface BiencoderConfig {
  readonly embedder: string;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  readonly threshold: number;
  readonly topK: number;
  readonly persistDir: string;
  readonly targets: readonly RoutingTarget[];
}

/** The reference's semantic_biencoder.json (raw JSON in the variable, or a path), with its env overrides. */
export function loadBiencoderConfig(s: Settings['routing']['biencoder']): BiencoderConfig {
  const raw = s.config.trim();
  const inline = raw.startsWith('{') || raw.startsWith('[');
  let json: unknown;
  try {
    if (!inline && !existsSync(raw)) throw new Error('no such file');
    json = JSON.parse(inline ? raw : readFileSync(raw, 'utf8'));
  } catch (err) {
    throw new StartupError(`cannot read ${VARIABLE}${inline ? '' : `=${raw}`}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(`invalid ${VARIABLE}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { embedding_model, settings, routing_targets } = parsed.data;
  // …_TARGETS keeps the named targets only, in the file's order; an unknown name is a typo, not a wish.
  const wanted = s.targets
    ? s.targets
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
  for (const name of wanted)
    if (!routing_targets.some((t) => t.name === name))
      throw new StartupError(
        `LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_TARGETS names "${name}", which is not a target of the config (${routing_targets.map((t) => t.name).join(', ')})`,
      );
  return {
    embedder: s.model || embedding_model,
    chunkSize: s.chunkSize || settings.chunk_size,
    chunkOverlap: s.chunkOverlap >= 0 ? s.chunkOverlap : settings.chunk_overlap,
    threshold: settings.similarity_threshold,
    topK: settings.top_k,
    persistDir: s.persistDir || settings.vector_store_path || '',
    targets: wanted.length ? routing_targets.filter((t) => wanted.includes(t.name)) : routing_targets,
  };
}
