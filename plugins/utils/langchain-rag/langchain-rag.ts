import { join } from 'node:path';
import { inject, injectable } from 'tsyringe';
import type { UtilsContext, UtilsPlugin } from '../../../core/plugins/plugin.js';
import {
  type ChatRequest,
  ChunkCollection,
  type Embedder,
  Lifecycle,
  LOGGER,
  type Logger,
  lastStatement,
  METRICS,
  type Metrics,
  openEmbedder,
  SETTINGS,
  type Settings,
  StartupError,
} from '../../../core/plugins/plugin-api.js';

// How long a replaced collection stays open for the searches that began on it.
const OLD_COLLECTION_GRACE_MS = 60_000;

// The reference's header, line for line.
const HEADER =
  'If the context below will help answer the above question, use it.\nContext separated with double enter:';
export const RAG_INDEX_COMMAND = 'npm run --silent rag -- index --path <documents> --ext .md .txt';

/** Where a collection lives: LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR, else resources/rag/<collection>/. */
export const collectionDir = (rag: Settings['rag']) => rag.persistDir || join('resources', 'rag', rag.collection);

/**
 * Retrieval-augmented generation over a local faiss index: the user's last statement (or `user_last_statement`)
 * is embedded, the top k chunks of the collection are appended to it under the reference's header. Utils run
 * first, so the added context is guarded and masked with the rest of the request. The chunks used are named in
 * the `x-llm-router-rag` header (document and chunk ids, never their text) and a debug line.
 */
@injectable()
export class LangchainRag implements UtilsPlugin {
  static readonly id = 'langchain_rag';
  static readonly kind = 'utils';
  private readonly rag: Settings['rag'];
  private embedder: Embedder | null = null;
  private collection: ChunkCollection | null = null;

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    this.rag = settings.rag;
    for (const [value, name] of [
      [this.rag.collection, 'LLM_ROUTER_LANGCHAIN_RAG_COLLECTION'],
      [this.rag.embedder, 'LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER'],
    ] as const)
      if (value === '') throw new StartupError(`the ${LangchainRag.id} plugin needs ${name}`);
    if (this.rag.device !== 'cpu')
      throw new StartupError(
        `invalid LLM_ROUTER_LANGCHAIN_RAG_DEVICE=${JSON.stringify(this.rag.device)}: only cpu is supported`,
      );
    if (this.rag.chunkOverlap >= this.rag.chunkSize)
      throw new StartupError('LLM_ROUTER_LANGCHAIN_RAG_CHUNK_OVERLAP must be smaller than …_CHUNK_SIZE');
    lifecycle.register(LangchainRag.id, {
      stop: async () => {
        await this.collection?.close();
        await this.embedder?.close();
      },
    });
  }

  async prepare(): Promise<void> {
    const embedder = await openEmbedder(this.rag.embedder, 'LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER');
    const dir = collectionDir(this.rag);
    try {
      this.collection = ChunkCollection.open(dir, embedder, 'LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR', RAG_INDEX_COMMAND);
    } catch (err) {
      await embedder.close();
      throw err;
    }
    this.embedder = embedder;
    const offloaded = await this.collection.offload();
    this.logger.info(
      `${LangchainRag.id}: collection ${this.rag.collection}, ${this.collection.size} chunks in ${dir}${offloaded ? ', searched in a worker thread' : ''}`,
    );
  }

  /**
   * The collection opened again, after `npm run rag -- index` rebuilt it: checked whole before the swap; the old
   * one is closed a minute later, so searches in flight on it finish.
   */
  async reload(): Promise<void> {
    if (!this.embedder) return;
    const dir = collectionDir(this.rag);
    const next = ChunkCollection.open(dir, this.embedder, 'LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR', RAG_INDEX_COMMAND);
    await next.offload();
    const old = this.collection;
    this.collection = next;
    if (old) setTimeout(() => void old.close(), OLD_COLLECTION_GRACE_MS).unref();
    this.logger.info(`${LangchainRag.id}: collection ${this.rag.collection} reloaded, ${next.size} chunks`);
  }

  async apply(request: ChatRequest, ctx: UtilsContext): Promise<ChatRequest> {
    const statement = lastStatement(request);
    const { collection } = this.rag;
    if (statement === null) {
      this.metrics.ragRetrievals.inc({ collection, outcome: 'no_text' });
      return request;
    }
    const embedder = this.embedder!;
    const query = embedder.remote ? (await ctx.outbound([statement.text]))[0]! : statement.text;
    const [vector] = await embedder.embed([query]);
    const hits = await this.collection!.search(vector!, this.rag.topK);
    if (hits.length === 0) {
      this.metrics.ragRetrievals.inc({ collection, outcome: 'no_hit' });
      return request;
    }
    const context = hits
      .map((h) => `\n\n${h.chunk.text}\n`)
      .join('')
      .trim();
    const used = hits.map((h) => `${encodeURIComponent(h.chunk.doc_id)}#${h.chunk.chunk_id}`);
    ctx.note('rag', `collection=${encodeURIComponent(collection)}; chunks=${used.join(',')}`);
    this.metrics.ragRetrievals.inc({ collection, outcome: 'context' });
    this.logger.debug(`rag: ${collection} added ${hits.length} chunks: ${used.join(', ')}`, {
      request_id: ctx.requestId,
    });
    return statement.extendedWith(`\n\n${HEADER}\n${context}`);
  }
}
