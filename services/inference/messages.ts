/** What each loaded model does: classify texts (guards), find entities (PII), or embed texts. */
export type ModelTask = 'classify' | 'entities' | 'embed';

export interface ModelSpec {
  /** The name requests use: a guard's name, `pii_masker` or `embeddings`. */
  readonly key: string;
  readonly task: ModelTask;
  readonly path: string;
  readonly quantized: boolean;
}

export interface WorkerSetup {
  readonly models: readonly ModelSpec[];
  readonly batchSize: number;
}

export interface InferenceTask {
  readonly id: number;
  readonly key: string;
  readonly texts: readonly string[];
}

/** One window of a text, classified: its top label and that label's probability. */
export interface ChunkLabel {
  readonly chunk_text: string;
  readonly label: string;
  readonly score: number;
}

/** A named entity in a text, by UTF-16 offsets, with its type as the model names it (`PER`, not `B-PER`). */
export interface EntitySpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly score: number;
}

/** Per text, in order: its chunk labels, its entities, or its vector. */
export type InferenceOutput = ChunkLabel[][] | EntitySpan[][] | number[][];

export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'done'; readonly id: number; readonly output: InferenceOutput }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
