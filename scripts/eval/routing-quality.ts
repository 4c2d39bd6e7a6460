/**
 * How often semantic_biencoder_routing picks the right target of the shipped config: on its own examples
 * (each left out in turn: the training side) and on held-out queries (scripts/eval/routing-queries.ts).
 * Usage: npm run eval:routing [-- <embedder>]   (default builtin:char-ngram; a model directory or URL works too)
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { FlatIndex } from '../../core/retrieval/flat-index.js';
import { openEmbedder } from '../../core/retrieval/open-embedder.js';
import { ROUTING_QUERIES } from './routing-queries.js';

interface Target {
  name: string;
  description: string;
  examples: string[];
}

const config = JSON.parse(readFileSync('resources/routing/semantic_biencoder.json', 'utf8')) as {
  settings: { top_k: number };
  routing_targets: Target[];
};

async function main(): Promise<void> {
  const spec = process.argv[2] ?? 'builtin:char-ngram';
  const embedder = await openEmbedder(spec, 'argument');
  const texts: Array<{ text: string; target: string }> = config.routing_targets.flatMap((t) =>
    [t.description, ...t.examples].map((text) => ({ text, target: t.name })),
  );
  const vectors = await embedder.embed(texts.map((t) => t.text));
  const k = config.settings.top_k;

  // Mean similarity per target over the top k, as the plugin scores; `skip` leaves one text out.
  const choose = (q: number[], skip = -1): string => {
    const index = new FlatIndex(embedder.dimension);
    const owners: string[] = [];
    vectors.forEach((v, i) => {
      if (i === skip) return;
      index.add([v]);
      owners.push(texts[i]!.target);
    });
    const scores = new Map<string, number[]>();
    for (const h of index.search(q, k)) scores.set(owners[h.id]!, [...(scores.get(owners[h.id]!) ?? []), h.score]);
    let best = '';
    let bestScore = -Infinity;
    for (const [t, s] of scores) {
      const m = s.reduce((a, b) => a + b, 0) / s.length;
      if (m > bestScore) [best, bestScore] = [t, m];
    }
    return best;
  };

  let trainRight = 0;
  let trainAll = 0;
  texts.forEach((t, i) => {
    if (config.routing_targets.some((c) => c.description === t.text)) return;
    trainAll++;
    if (choose(vectors[i]!, i) === t.target) trainRight++;
  });
  const held = await embedder.embed(ROUTING_QUERIES.map((q) => q.text));
  const byLang = new Map<string, [number, number]>();
  ROUTING_QUERIES.forEach((q, i) => {
    const [right, all] = byLang.get(q.lang) ?? [0, 0];
    byLang.set(q.lang, [right + (choose(held[i]!) === q.target ? 1 : 0), all + 1]);
  });
  await embedder.close();
  console.log(`\nsemantic_biencoder_routing, shipped config (6 targets, top_k ${k}), embedder ${embedder.id}\n`);
  console.log('| set | queries | right target | accuracy |\n|---|---|---|---|');
  console.log(
    `| config examples, leave-one-out (training) | ${trainAll} | ${trainRight} | ${(trainRight / trainAll).toFixed(3)} |`,
  );
  for (const [lang, [right, all]] of byLang)
    console.log(`| held-out queries, ${lang} | ${all} | ${right} | ${(right / all).toFixed(3)} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
