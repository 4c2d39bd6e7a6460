/**
 * The RAG collection's command line, reading the gateway's own LLM_ROUTER_LANGCHAIN_RAG_… variables:
 *   npm run --silent rag -- index --path DIR [--ext .md .txt …]
 *   npm run --silent rag -- search [--query Q] [--top_n N]     (without --query: one query per input line)
 */
import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { loadSettings } from '../../core/config/settings.js';
import { StartupError } from '../../core/errors/startup-error.js';
import { ChunkCollection } from '../../core/retrieval/chunk-collection.js';
import { openEmbedder } from '../../core/retrieval/open-embedder.js';
import { collectionDir, RAG_INDEX_COMMAND } from '../../plugins/utils/langchain-rag/langchain-rag.js';

/** `--name value…` options: each takes the words up to the next `--`. */
function options(args: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const a of args) {
    if (a.startsWith('--')) {
      current = [];
      out.set(a.slice(2), current);
    } else if (current) current.push(a);
    else throw new StartupError(`unexpected argument ${a}`);
  }
  return out;
}

function documents(root: string, exts: readonly string[]): Array<{ docId: string; text: string }> {
  const files = statSync(root).isDirectory()
    ? readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f))
    : [root];
  return files
    .filter((f) => exts.some((e) => f.toLowerCase().endsWith(e.toLowerCase())) && statSync(f).isFile())
    .sort()
    .map((f) => ({
      docId: relative(statSync(root).isDirectory() ? root : join(root, '..'), f),
      text: readFileSync(f, 'utf8'),
    }));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const opts = options(rest);
  const rag = loadSettings(process.env).rag;
  if (!rag.collection || !rag.embedder)
    throw new StartupError('set LLM_ROUTER_LANGCHAIN_RAG_COLLECTION and LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER');
  const dir = collectionDir(rag);
  const embedder = await openEmbedder(rag.embedder, 'LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER');
  try {
    if (command === 'index') {
      const path = opts.get('path')?.[0];
      if (!path) throw new StartupError('index needs --path DIR');
      const docs = documents(path, opts.get('ext')?.length ? opts.get('ext')! : ['.md', '.txt']);
      if (docs.length === 0) throw new StartupError(`no documents with those extensions under ${path}`);
      const started = performance.now();
      const c = await ChunkCollection.build(dir, docs, embedder, {
        collection: rag.collection,
        chunkSize: rag.chunkSize,
        chunkOverlap: rag.chunkOverlap,
      });
      const ms = (performance.now() - started).toFixed(0);
      console.log(`indexed ${docs.length} documents, ${c.size} chunks, into ${dir} (${embedder.id}, ${ms} ms)`);
    } else if (command === 'search') {
      const collection = ChunkCollection.open(dir, embedder, 'LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR', RAG_INDEX_COMMAND);
      const topN = Number(opts.get('top_n')?.[0] ?? rag.topK);
      const search = async (q: string) => {
        const [v] = await embedder.embed([q]);
        for (const { chunk, score } of await collection.search(v!, topN))
          console.log(`${score.toFixed(4)}\t${chunk.doc_id}#${chunk.chunk_id}\t${chunk.text.slice(0, 160)}`);
      };
      const query = opts.get('query');
      if (query?.length) await search(query.join(' '));
      else for await (const line of createInterface({ input: process.stdin })) if (line.trim()) await search(line);
    } else {
      throw new StartupError('usage: rag index --path DIR [--ext .md .txt …] | rag search [--query Q] [--top_n N]');
    }
  } finally {
    await embedder.close();
  }
}

main().catch((err: Error) => {
  console.error(err instanceof StartupError ? `rag: ${err.message}` : err);
  process.exit(1);
});
