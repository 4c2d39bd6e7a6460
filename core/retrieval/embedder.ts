/**
 * Turns texts into vectors for the retrieval plugins (RAG, semantic routing). Every embedder gives
 * L2-normalised vectors, so the inner product of two is their cosine similarity.
 */
export interface Embedder {
  /** Names the embedder and its dimension; an index records it and is refused by any other embedder. */
  readonly id: string;
  readonly dimension: number;
  /** The texts leave the gateway (an HTTP service): a masked request's texts must be masked first. */
  readonly remote: boolean;
  embed(texts: readonly string[]): Promise<number[][]>;
  close(): Promise<void>;
}

/** Scales a vector to length 1 in place (a zero vector stays zero: it matches nothing). */
export function normalise(v: number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x * x;
  if (sum === 0) return v;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= scale;
  return v;
}
