import type { CachedInference } from '../inference/cached-inference.js';

/** Vectors for texts, OpenAI-shaped, mean-pooled and normalised (cosine similarity is a dot product). */
export class EmbeddingsService {
  constructor(
    private readonly model: string,
    private readonly inference: CachedInference<number[]>,
  ) {}

  async embed(input: string | string[]): Promise<object> {
    const texts = typeof input === 'string' ? [input] : input;
    const vectors = await this.inference.run(texts);
    return {
      object: 'list',
      model: this.model,
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    };
  }
}
