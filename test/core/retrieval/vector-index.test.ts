import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CharNgramEmbedder } from '../../../core/retrieval/char-ngram-embedder.js';
import { ChunkCollection, DOCSTORE_FILE, INDEX_FILE } from '../../../core/retrieval/chunk-collection.js';
import { FaissIndex } from '../../../core/retrieval/faiss-index.js';
import { FlatIndex } from '../../../core/retrieval/flat-index.js';
import { textWindows } from '../../../core/retrieval/text-windows.js';

const embedder = new CharNgramEmbedder();
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const vec = (t: string) => embedder.vector(t);

describe('builtin:char-ngram', () => {
  it('gives unit vectors that put word forms and typos close, other topics far', () => {
    const v = vec('Termin płatności faktury');
    assert.ok(Math.abs(dot(v, v) - 1) < 1e-9);
    assert.ok(dot(v, vec('kiedy mija termin platnosci za fakture?')) > dot(v, vec('the office closes at 4 pm')) + 0.2);
    assert.ok(dot(vec('Łódź'), vec('lodz')) > 0.99, 'diacritics and ł are folded');
    assert.deepEqual(vec('same text'), vec('same text'));
  });
});

describe('vector indexes', () => {
  const texts = ['invoice payment due', 'office opening hours', 'parking for visitors', 'payment by card'];
  const vectors = texts.map(vec);

  it('faiss-node and the typed-array index agree, best first', () => {
    const flat = new FlatIndex(embedder.dimension);
    flat.add(vectors);
    const faiss = FaissIndex.create(embedder.dimension);
    faiss.add(vectors);
    const q = vec('when is the payment due');
    const a = flat.search(q, 3);
    const b = faiss.search(q, 3);
    assert.deepEqual(
      a.map((h) => h.id),
      b.map((h) => h.id),
    );
    for (const [i, h] of a.entries()) assert.ok(Math.abs(h.score - b[i]!.score) < 1e-5);
    assert.equal(a[0]!.id, 0);
  });

  it('clamps k to the size of the index (faiss-node throws otherwise)', () => {
    const faiss = FaissIndex.create(embedder.dimension);
    assert.deepEqual(faiss.search(vec('x'), 5), []);
    faiss.add(vectors.slice(0, 2));
    assert.equal(faiss.search(vec('x'), 50).length, 2);
  });

  it('cuts documents into overlapping word windows', () => {
    const words = Array.from({ length: 10 }, (_, i) => `w${i}`).join('  \n ');
    assert.deepEqual(textWindows(words, 4, 1), ['w0 w1 w2 w3', 'w3 w4 w5 w6', 'w6 w7 w8 w9']);
    assert.deepEqual(textWindows('', 4, 1), []);
  });
});

describe('chunk collections on disk', () => {
  const docs = [
    { docId: 'faktury.md', text: 'Faktury wystawiamy do 10 dnia miesiąca. Termin płatności to 14 dni.' },
    { docId: 'office.txt', text: 'The office opens at 8 am and closes at 4 pm.' },
  ];
  const chunking = { collection: 'demo', chunkSize: 400, chunkOverlap: 100 };

  it('writes index.faiss and docstore.json, reads them back, and Python faiss reads the index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rag-'));
    await ChunkCollection.build(dir, docs, embedder, chunking);
    const c = ChunkCollection.open(dir, embedder, 'X', 'build it');
    assert.equal(c.size, 2);
    assert.equal((await c.search(vec('termin płatności faktury'), 1))[0]?.chunk.doc_id, 'faktury.md');
    // The same answers from a worker thread (used for large collections).
    const inThread = await c.search(vec('office hours'), 2);
    assert.equal(await c.offload(1), true);
    assert.deepEqual(await c.search(vec('office hours'), 2), inThread);
    await c.close();
    const store = JSON.parse(readFileSync(join(dir, DOCSTORE_FILE), 'utf8'));
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import faiss, sys; i = faiss.read_index(sys.argv[1]); print(i.ntotal, i.d, i.metric_type == faiss.METRIC_INNER_PRODUCT)',
        join(dir, INDEX_FILE),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(py.status, 0, `Python's faiss (apt-get install python3-faiss): ${py.stderr}`);
    assert.equal(py.stdout.trim(), `${store.chunks.length} ${store.dimension} True`);
  });

  it('refuses an index made by another embedder, and a missing one, naming the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rag-'));
    assert.throws(() => ChunkCollection.open(dir, embedder, 'X', 'npm run rag'), /no index in .*npm run rag/);
    await ChunkCollection.build(dir, docs, embedder, chunking);
    const other = {
      id: 'model:other/512',
      dimension: 512,
      remote: false,
      embed: embedder.embed.bind(embedder),
      close: async () => {},
    };
    assert.throws(
      () => ChunkCollection.open(dir, other, 'X', 'npm run rag'),
      /built with the embedder builtin:char-ngram.*npm run rag/,
    );
  });
});
