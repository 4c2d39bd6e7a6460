/**
 * Retrieval speed (issue 13): building and searching an exact inner-product index of 1k, 10k and 100k chunks,
 * faiss-node against a plain typed-array scan; the char-ngram embedder's speed; and the gateway's req/s with
 * each utils plugin on against off, same run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CharNgramEmbedder } from '../core/retrieval/char-ngram-embedder.js';
import { ChunkCollection } from '../core/retrieval/chunk-collection.js';
import { normalise } from '../core/retrieval/embedder.js';
import { FaissIndex } from '../core/retrieval/faiss-index.js';
import { FlatIndex } from '../core/retrieval/flat-index.js';
import type { VectorSearch } from '../core/retrieval/nearest.js';
import { gatewayRatesByMode, printRates } from './support/gateway-modes.js';

const DIM = 384;
const K = 10;

function randomVectors(n: number, seed: number): number[][] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  return Array.from({ length: n }, () => normalise(Array.from({ length: DIM }, rnd)));
}

function timeSearches(index: VectorSearch, queries: readonly number[][]): { p50: number; p99: number } {
  for (const q of queries.slice(0, 5)) index.search(q, K);
  const ms = queries.map((q) => {
    const t = performance.now();
    index.search(q, K);
    return performance.now() - t;
  });
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, p99: ms[Math.floor(ms.length * 0.99)]! };
}

function indexRows(): string[] {
  const rows: string[] = [];
  const queries = randomVectors(200, 7);
  for (const n of [1_000, 10_000, 100_000]) {
    const vectors = randomVectors(n, n);
    let t = performance.now();
    const faiss = FaissIndex.create(DIM);
    for (let i = 0; i < n; i += 1000) faiss.add(vectors.slice(i, i + 1000));
    const faissBuild = performance.now() - t;
    t = performance.now();
    const flat = new FlatIndex(DIM);
    flat.add(vectors);
    const flatBuild = performance.now() - t;
    const f = timeSearches(faiss, queries);
    const p = timeSearches(flat, queries);
    rows.push(
      `| ${n.toLocaleString('en')} | ${faissBuild.toFixed(0)} | ${f.p50.toFixed(3)} | ${f.p99.toFixed(3)} | ${flatBuild.toFixed(0)} | ${p.p50.toFixed(3)} | ${p.p99.toFixed(3)} | ${(p.p50 / f.p50).toFixed(2)} |`,
    );
  }
  // The routing case: about a hundred vectors.
  const small = randomVectors(100, 3);
  const faiss = FaissIndex.create(DIM);
  faiss.add(small);
  const flat = new FlatIndex(DIM);
  flat.add(small);
  const f = timeSearches(faiss, queries);
  const p = timeSearches(flat, queries);
  rows.push(
    `| 100 (routing) | – | ${f.p50.toFixed(4)} | ${f.p99.toFixed(4)} | – | ${p.p50.toFixed(4)} | ${p.p99.toFixed(4)} | ${(p.p50 / f.p50).toFixed(2)} |`,
  );
  return rows;
}

function embedderRate(): string {
  const e = new CharNgramEmbedder();
  const text = 'Faktury wystawiamy do 10 dnia miesiąca, a termin płatności wynosi 14 dni od daty wystawienia. '.repeat(
    4,
  );
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < 1000) {
    e.vector(text);
    n++;
  }
  const s = (performance.now() - t) / 1000;
  return `builtin:char-ngram: ${(n / s).toFixed(0)} texts/s of ${text.length} characters (${((n * text.length) / s / 1e6).toFixed(1)} M chars/s)`;
}

async function main(): Promise<void> {
  const rows = indexRows();
  const embed = embedderRate();
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-rag-')), 'c');
  const docs = Array.from({ length: 200 }, (_, i) => ({
    docId: `doc${i}.md`,
    text: `Document ${i} about topic ${i % 17}: ${'policy leave invoice payment office parking '.repeat(60)}`,
  }));
  await ChunkCollection.build(dir, docs, new CharNgramEmbedder(), {
    collection: 'bench',
    chunkSize: 400,
    chunkOverlap: 100,
  });
  const targets = join(dir, '..', 'targets.json');
  writeFileSync(
    targets,
    JSON.stringify({
      embedding_model: 'builtin:char-ngram',
      settings: { similarity_threshold: 0, top_k: 3 },
      routing_targets: ['code', 'math', 'chat', 'admin', 'data', 'story'].map((name) => ({
        name,
        model_name: 'bench-model',
        description: `Requests about ${name}`,
        examples: Array.from({ length: 15 }, (_, i) => `An example request ${i} about ${name} and its details`),
      })),
    }),
  );
  const gateway = await gatewayRatesByMode(
    [
      ['utils off', {}],
      [
        'langchain_rag (800 chunks, top 10)',
        {
          LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'langchain_rag',
          LLM_ROUTER_LANGCHAIN_RAG_COLLECTION: 'bench',
          LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER: 'builtin:char-ngram',
          LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR: dir,
        },
      ],
      [
        'simple_semantic_routing (auto)',
        { LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'simple_semantic_routing', LLM_ROUTER_ROUTING_MODELS: 'bench-model' },
        'auto',
      ],
      [
        'semantic_biencoder_routing (auto, 96 windows)',
        {
          LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'semantic_biencoder_routing',
          LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG: targets,
        },
        'auto',
      ],
    ],
    (model) =>
      JSON.stringify({
        model,
        messages: [{ role: 'user', content: 'When is the invoice payment due for the office parking?' }],
      }),
  );
  console.log(
    `\nRetrieval — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`,
  );
  console.log(`Exact inner product, ${DIM} dimensions, top ${K}; build in ms, search in ms per query (200 queries).\n`);
  console.log(
    '| vectors | faiss build | faiss p50 | faiss p99 | typed-array build | typed-array p50 | typed-array p99 | typed ÷ faiss p50 |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\n${embed}`);
  printRates(gateway);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
