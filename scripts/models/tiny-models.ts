import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel, maskedEmbeddings, type Node, type Weight } from './onnx-graph.js';
import { characterPieces, ENTITY_WORDS, GUARD_WORDS, LLAMA_GUARD_CLASS, TOPIC_WORDS } from './tiny-lexicon.js';
import { SPECIAL_TOKENS, wordPieceFiles } from './wordpiece-tokenizer.js';

/**
 * Tiny but real models for tests and demos, in the layout transformers.js loads (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx). Each is a bag of word embeddings over a small vocabulary, so
 * verdicts are predictable; the sidecar loads, tokenises, chunks and thresholds them as it does a production
 * model. They detect nothing outside their lexicon: never deploy them as a guard.
 */
export const TINY_MODELS = {
  sojkaGuard: 'tiny-sojka-guard',
  naskGuard: 'tiny-nask-guard',
  piiNer: 'tiny-pii-ner',
  embeddings: 'tiny-embeddings',
} as const;

// Small, so that a few sentences already need several windows.
const MAX_POSITIONS = 64;
const CATEGORIES = Object.keys(GUARD_WORDS);
const NASK_LABELS = ['safe', ...Array.from({ length: 14 }, (_, i) => `S${i + 1}`)];
const NER_LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'];
const EMBEDDING_WIDTH = 32;

const VOCAB: readonly string[] = [
  ...new Set([
    ...SPECIAL_TOKENS,
    ...characterPieces(),
    ...Object.values(GUARD_WORDS).flat(),
    ...Object.values(ENTITY_WORDS).flat(),
    ...Object.values(TOPIC_WORDS).flat(),
  ]),
];

export function buildTinyModels(root: string): Record<keyof typeof TINY_MODELS, string> {
  const dirs = Object.fromEntries(Object.entries(TINY_MODELS).map(([k, name]) => [k, join(root, name)])) as Record<
    keyof typeof TINY_MODELS,
    string
  >;
  writeModel(dirs.sojkaGuard, sojkaGuard(), {
    problem_type: 'multi_label_classification',
    labels: CATEGORIES,
    architecture: 'BertForSequenceClassification',
  });
  writeModel(dirs.naskGuard, naskGuard(), {
    problem_type: 'single_label_classification',
    labels: NASK_LABELS,
    architecture: 'BertForSequenceClassification',
  });
  writeModel(dirs.piiNer, piiNer(), { labels: NER_LABELS, architecture: 'BertForTokenClassification' });
  writeModel(dirs.embeddings, embeddings(), { architecture: 'BertModel' });
  return dirs;
}

function writeModel(
  dir: string,
  onnx: Uint8Array,
  meta: { architecture: string; labels?: string[]; problem_type?: string },
): void {
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnx);
  const labels = meta.labels ?? [];
  const config = {
    model_type: 'bert',
    architectures: [meta.architecture],
    max_position_embeddings: MAX_POSITIONS,
    vocab_size: VOCAB.length,
    ...(meta.problem_type ? { problem_type: meta.problem_type } : {}),
    ...(labels.length
      ? {
          id2label: Object.fromEntries(labels.map((l, i) => [i, l])),
          label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
        }
      : {}),
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  const { tokenizer, config: tokenizerConfig } = wordPieceFiles(VOCAB, MAX_POSITIONS);
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
}

/** A table with `weight` in column `column(word)` for each word that has one. */
function table(width: number, column: (word: string) => number | undefined, weight: number): Weight {
  const values = new Float32Array(VOCAB.length * width);
  VOCAB.forEach((word, row) => {
    const c = column(word);
    if (c !== undefined) values[row * width + c] = weight;
  });
  return { name: 'EMBEDDINGS', dims: [VOCAB.length, width], values };
}

const categoryOf = (word: string) => {
  const i = CATEGORIES.findIndex((c) => GUARD_WORDS[c]!.includes(word));
  return i < 0 ? undefined : i;
};

/** Summed trigger counts through a linear head: classification logits (batch × labels). */
function pooledHead(head: Weight, bias: Weight): Node[] {
  return [
    ...maskedEmbeddings('EMBEDDINGS'),
    { op: 'ReduceSum', inputs: ['masked', 'AXIS_1'], output: 'pooled', ints: { keepdims: 0 } },
    { op: 'MatMul', inputs: ['pooled', head.name], output: 'scores' },
    { op: 'Add', inputs: ['scores', bias.name], output: 'logits' },
  ];
}

const identity = (n: number, name = 'HEAD'): Weight => ({
  name,
  dims: [n, n],
  values: Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)),
});

// Multi-label: each category's sigmoid is 0.02 with no trigger word and 0.88 with one (above Sójka's 0.7).
function sojkaGuard(): Uint8Array {
  const n = CATEGORIES.length;
  const head = identity(n);
  const bias: Weight = { name: 'BIAS', dims: [n], values: Array(n).fill(-4) };
  return encodeModel(pooledHead(head, bias), [table(n, categoryOf, 6), head, bias], {
    name: 'logits',
    shape: ['batch', n],
  });
}

// Softmax over safe/S1…S14: `safe` takes 0.91 of a text with no trigger word; one trigger gives its class 0.95.
function naskGuard(): Uint8Array {
  const n = CATEGORIES.length;
  const labels = NASK_LABELS.length;
  const head: Weight = { name: 'HEAD', dims: [n, labels], values: new Float32Array(n * labels) };
  CATEGORIES.forEach((c, row) => {
    (head.values as Float32Array)[row * labels + NASK_LABELS.indexOf(LLAMA_GUARD_CLASS[c]!)] = 1;
  });
  const bias: Weight = { name: 'BIAS', dims: [labels], values: NASK_LABELS.map((l) => (l === 'safe' ? 5 : 0)) };
  return encodeModel(pooledHead(head, bias), [table(n, categoryOf, 8), head, bias], {
    name: 'logits',
    shape: ['batch', labels],
  });
}

// Per-token logits: an entity word scores 8 on its label against 3 for `O` (softmax 0.99).
function piiNer(): Uint8Array {
  const n = NER_LABELS.length;
  const labelOf = (word: string) => {
    const label = Object.keys(ENTITY_WORDS).find((l) => ENTITY_WORDS[l]!.includes(word));
    return label === undefined ? undefined : NER_LABELS.indexOf(label);
  };
  const head = identity(n);
  const bias: Weight = { name: 'BIAS', dims: [n], values: NER_LABELS.map((l) => (l === 'O' ? 3 : 0)) };
  const nodes: Node[] = [
    ...maskedEmbeddings('EMBEDDINGS'),
    { op: 'MatMul', inputs: ['masked', 'HEAD'], output: 'scores' },
    { op: 'Add', inputs: ['scores', 'BIAS'], output: 'logits' },
  ];
  return encodeModel(nodes, [table(n, labelOf, 8), head, bias], { name: 'logits', shape: ['batch', 'sequence', n] });
}

// Token vectors: a topic direction plus a little of the word's own; everything else a small vector of its own.
function embeddings(): Uint8Array {
  const topics = Object.keys(TOPIC_WORDS);
  const values = new Float32Array(VOCAB.length * EMBEDDING_WIDTH);
  VOCAB.forEach((word, row) => {
    if ((SPECIAL_TOKENS as readonly string[]).includes(word)) return;
    const own = seededVector(word);
    const topic = topics.findIndex((t) => TOPIC_WORDS[t]!.includes(word));
    for (let i = 0; i < EMBEDDING_WIDTH; i++) {
      const base = topic < 0 ? 0 : i % topics.length === topic ? 1 : 0;
      values[row * EMBEDDING_WIDTH + i] = base + own[i]! * (topic < 0 ? 0.3 : 0.15);
    }
  });
  const weights: Weight[] = [{ name: 'EMBEDDINGS', dims: [VOCAB.length, EMBEDDING_WIDTH], values }];
  const nodes: Node[] = [
    ...maskedEmbeddings('EMBEDDINGS'),
    { op: 'Identity', inputs: ['masked'], output: 'last_hidden_state' },
  ];
  return encodeModel(nodes, weights, { name: 'last_hidden_state', shape: ['batch', 'sequence', EMBEDDING_WIDTH] });
}

/** A fixed pseudo-random vector per word (FNV-1a seed, xorshift), so builds are reproducible. */
function seededVector(word: string): number[] {
  let h = 0x811c9dc5;
  for (const ch of word) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return Array.from({ length: EMBEDDING_WIDTH }, () => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    return ((h >>> 0) / 0xffffffff) * 2 - 1;
  });
}
