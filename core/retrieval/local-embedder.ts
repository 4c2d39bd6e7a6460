import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { WorkerPool } from '../../services/inference/worker-pool.js';
import type { Embedder } from './embedder.js';

/**
 * A local model directory in transformers.js's layout (config.json, tokenizer.json, onnx/model.onnx), run on the
 * CPU in a worker thread by the sidecar's own inference code, from local files only: mean-pooled and
 * normalised like the reference's embedder. The request thread only waits for it.
 */
export class LocalEmbedder implements Embedder {
  readonly remote = false;

  private constructor(
    private readonly pool: WorkerPool,
    private readonly name: string,
    readonly dimension: number,
  ) {}

  get id(): string {
    return `model:${this.name}/${this.dimension}`;
  }

  static isModelDir(path: string): boolean {
    return existsSync(join(path, 'config.json')) && existsSync(join(path, 'onnx'));
  }

  static async open(dir: string): Promise<LocalEmbedder> {
    const path = resolve(dir);
    const quantized = !existsSync(join(path, 'onnx', 'model.onnx'));
    const pool = await WorkerPool.start(1, {
      models: [{ key: 'embeddings', task: 'embed', path, quantized }],
      batchSize: 32,
    });
    try {
      const [v] = (await pool.run('embeddings', ['dimension probe'])) as number[][];
      return new LocalEmbedder(pool, basename(path), v!.length);
    } catch (err) {
      await pool.close();
      throw err;
    }
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return (await this.pool.run('embeddings', texts)) as number[][];
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
