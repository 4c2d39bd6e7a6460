import { request } from 'undici';
import { type Embedder, normalise } from './embedder.js';

/**
 * Vectors from an HTTP service: the project's sidecar (`POST /api/embeddings`) or any OpenAI-compatible
 * `/v1/embeddings`. Both take `{input: [...]}` and answer `{data: [{embedding}]}`; a model name for the latter
 * goes after `#` in the URL (`http://127.0.0.1:8000/v1/embeddings#bge-m3`), which is never sent as part of it.
 * The texts go to that service as they are, like the pii_masker's: point it only at a service you run.
 */
export class HttpEmbedder implements Embedder {
  readonly remote = true;

  private constructor(
    private readonly url: string,
    private readonly model: string,
    private readonly timeoutMs: number,
    readonly dimension: number,
  ) {}

  get id(): string {
    return `${this.url}${this.model ? `#${this.model}` : ''}/${this.dimension}`;
  }

  /** Connects and asks for one vector (of a fixed text, no user's), to learn the dimension. */
  static async open(spec: string, timeoutMs: number): Promise<HttpEmbedder> {
    const url = new URL(spec);
    const model = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const probe = new HttpEmbedder(url.href, model, timeoutMs, 0);
    const [v] = await probe.embed(['dimension probe']);
    return new HttpEmbedder(url.href, model, timeoutMs, v!.length);
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const res = await request(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.model ? { input: texts, model: this.model } : { input: texts }),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const body = (await res.body.json().catch(() => null)) as { data?: Array<{ embedding?: unknown }> } | null;
    if (res.statusCode !== 200) throw new Error(`the embedder at ${this.url} answered ${res.statusCode}`);
    const data = body?.data;
    if (!Array.isArray(data) || data.length !== texts.length)
      throw new Error(`the embedder at ${this.url} did not answer one vector per text`);
    return data.map((d) => {
      const e = d.embedding;
      if (!Array.isArray(e) || e.length === 0 || !e.every((x) => typeof x === 'number'))
        throw new Error(`the embedder at ${this.url} answered a vector that is not a list of numbers`);
      if (this.dimension && e.length !== this.dimension)
        throw new Error(`the embedder at ${this.url} changed its dimension (${e.length}, was ${this.dimension})`);
      return normalise([...(e as number[])]);
    });
  }

  async close(): Promise<void> {}
}
