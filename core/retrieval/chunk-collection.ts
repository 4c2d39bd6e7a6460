import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StartupError } from '../errors/startup-error.js';
import type { Embedder } from './embedder.js';
import { FaissIndex } from './faiss-index.js';
import type { Hit } from './nearest.js';
import { SearchThread } from './search-thread.js';
import { textWindows } from './text-windows.js';

export const INDEX_FILE = 'index.faiss';
export const DOCSTORE_FILE = 'docstore.json';
const BATCH = 10;
// From this many chunks on, searches run in a worker thread (docs/BENCHMARKS.md: about 0.4 ms per 1k chunks on
// the request thread, against about 0.13 ms for the round trip to a worker): below it, a search stalls other
// requests for less than 2 ms.
export const WORKER_FROM_CHUNKS = 5_000;

/** One indexed window of a document. */
export interface Chunk {
  readonly doc_id: string;
  readonly chunk_id: number;
  readonly text: string;
}

const docstoreSchema = z.object({
  format: z.literal('llm-router-docstore'),
  version: z.literal(1),
  collection: z.string(),
  embedder: z.string(),
  dimension: z.number().int().positive(),
  chunk_size: z.number().int().positive(),
  chunk_overlap: z.number().int().min(0),
  chunks: z.array(z.object({ doc_id: z.string(), chunk_id: z.number().int().min(0), text: z.string() })),
});
type Docstore = z.infer<typeof docstoreSchema>;

export interface Chunking {
  readonly collection: string;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
}

/**
 * A collection of document chunks on disk: `index.faiss` (faiss IndexFlatIP, vector i is chunk i) and
 * `docstore.json` (the chunks, and the embedder and chunking they were made with). An index is only read with
 * the embedder that wrote it: another one's vectors would be compared as if they meant the same.
 */
export class ChunkCollection {
  private thread: SearchThread | null = null;

  private constructor(
    readonly dir: string,
    private readonly index: FaissIndex,
    private readonly store: Docstore,
  ) {}

  /** Moves searches to a worker thread when the collection is large enough to stall requests (or when told). */
  async offload(fromChunks = WORKER_FROM_CHUNKS): Promise<boolean> {
    if (this.size < fromChunks || this.thread) return this.thread !== null;
    this.thread = await SearchThread.open(join(this.dir, INDEX_FILE));
    return true;
  }

  async close(): Promise<void> {
    await this.thread?.close();
    this.thread = null;
  }

  get size(): number {
    return this.store.chunks.length;
  }

  /** Embeds the documents' windows in batches and writes both files atomically (each renamed into place). */
  static async build(
    dir: string,
    docs: ReadonlyArray<{ readonly docId: string; readonly text: string }>,
    embedder: Embedder,
    chunking: Chunking,
    onBatch?: (done: number, total: number) => void,
  ): Promise<ChunkCollection> {
    const chunks: Chunk[] = docs.flatMap((d) =>
      textWindows(d.text, chunking.chunkSize, chunking.chunkOverlap).map((text, chunk_id) => ({
        doc_id: d.docId,
        chunk_id,
        text,
      })),
    );
    const index = FaissIndex.create(embedder.dimension);
    for (let i = 0; i < chunks.length; i += BATCH) {
      index.add(await embedder.embed(chunks.slice(i, i + BATCH).map((c) => c.text)));
      onBatch?.(Math.min(i + BATCH, chunks.length), chunks.length);
    }
    const store: Docstore = {
      format: 'llm-router-docstore',
      version: 1,
      collection: chunking.collection,
      embedder: embedder.id,
      dimension: embedder.dimension,
      chunk_size: chunking.chunkSize,
      chunk_overlap: chunking.chunkOverlap,
      chunks,
    };
    mkdirSync(dir, { recursive: true });
    const storeTmp = join(dir, `${DOCSTORE_FILE}.${process.pid}.tmp`);
    writeFileSync(storeTmp, JSON.stringify(store));
    index.write(join(dir, INDEX_FILE));
    renameSync(storeTmp, join(dir, DOCSTORE_FILE));
    return new ChunkCollection(dir, index, store);
  }

  /** The collection in `dir`, refused when missing, empty, torn or made by another embedder. */
  static open(dir: string, embedder: Embedder, variable: string, buildCommand: string): ChunkCollection {
    const indexPath = join(dir, INDEX_FILE);
    const storePath = join(dir, DOCSTORE_FILE);
    if (!existsSync(indexPath) || !existsSync(storePath))
      throw new StartupError(`no index in ${dir} (${variable}): build it with ${buildCommand}`);
    let store: Docstore;
    try {
      store = docstoreSchema.parse(JSON.parse(readFileSync(storePath, 'utf8')));
    } catch (err) {
      throw new StartupError(
        `${storePath} is not a docstore this gateway wrote: ${(err as Error).message.split('\n')[0]}`,
      );
    }
    if (store.chunks.length === 0)
      throw new StartupError(`the index in ${dir} is empty: build it with ${buildCommand}`);
    if (store.embedder !== embedder.id)
      throw new StartupError(
        `the index in ${dir} was built with the embedder ${store.embedder}, not ${embedder.id}: rebuild it with ${buildCommand}`,
      );
    const index = FaissIndex.read(indexPath);
    if (index.dimension !== embedder.dimension || index.size !== store.chunks.length)
      throw new StartupError(
        `${indexPath} holds ${index.size} vectors of ${index.dimension} dimensions, the docstore ${store.chunks.length} chunks of ${store.dimension}: rebuild it with ${buildCommand}`,
      );
    return new ChunkCollection(dir, index, store);
  }

  async search(vector: readonly number[], k: number): Promise<Array<{ chunk: Chunk; score: number }>> {
    const hits: Hit[] = this.thread ? await this.thread.search(vector, k) : this.index.search(vector, k);
    return hits.map((h) => ({ chunk: this.store.chunks[h.id]!, score: h.score }));
  }
}
