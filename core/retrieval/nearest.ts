/** One hit of a vector search: the vector's position in its index and its inner product with the query. */
export interface Hit {
  readonly id: number;
  readonly score: number;
}

/** What the retrieval plugins search: an exact inner-product index over L2-normalised vectors. */
export interface VectorSearch {
  readonly size: number;
  readonly dimension: number;
  /** The `k` nearest (fewer when the index holds fewer), best first. */
  search(query: readonly number[], k: number): Hit[];
}
