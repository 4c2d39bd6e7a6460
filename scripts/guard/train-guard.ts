/**
 * `npm run train:guard`: trains injection_guard's n-gram model (plugins/guardrails/injection-guard/
 * ngram-model.ts) and prints how it does against the rules on data it was not trained on.
 *
 * Training data: deepset/prompt-injections' train split (Apache-2.0), 80 % of jackhhao/llm-warden's balanced
 * set (MIT; split by a hash of the text) and scripts/eval/guard-train.ts. A tenth of that (by hash) is kept
 * as a dev split to choose the threshold. Test data, never trained or tuned on: deepset's test split, the other
 * 20 % of jackhhao, scripts/eval/guard-held-out.ts and guard-held-out-2.ts, and NotInject's benign prompts. Deterministic: the same data gives the same weights.
 *
 *   node dist/scripts/guard/train-guard.js [--write]   (--write saves resources/guard/injection-ngrams.*)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeRules } from '../../plugins/guardrails/injection-guard/injection-guard.js';
import { NgramModel, type NgramModelFile } from '../../plugins/guardrails/injection-guard/ngram-model.js';
import { normalize } from '../../plugins/guardrails/injection-guard/normalize.js';
import { GUARD_HELD_OUT } from '../eval/guard-held-out.js';
import { GUARD_HELD_OUT_2 } from '../eval/guard-held-out-2.js';
import { GUARD_TRAIN } from '../eval/guard-train.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const EVAL_DIR = process.env['EVAL_DIR'] ?? join(ROOT, '..', 'shared', 'eval');
const SHAPE = { bits: 17, minN: 3, maxN: 5, maxChars: 2000 } as const;
const EPOCHS = 12;
const GREY = 0.3;
const RATE = 0.5;
const L2 = 1e-6;

interface Example {
  readonly text: string;
  readonly injection: boolean;
  /** How much the example counts in training (1 unless its language's labels are unbalanced). */
  readonly weight?: number;
}

function jsonl(file: string): Array<{ text: string; label: string; source: string }> {
  return readFileSync(join(EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** A stable number in [0, 1) from a text (FNV-1a), for splits that do not depend on row order. */
function bucket(text: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of salt + text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * The project's rows weighted so that, in each language, injections and benign texts count the same: the
 * other languages have more injections than benign rows, and unweighted the model learnt the language itself
 * as a sign of attack (its false alarms on the held-out hard negatives doubled).
 */
function balancedByLanguage(rows: typeof GUARD_TRAIN): Example[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.lang}:${r.label}`, (count.get(`${r.lang}:${r.label}`) ?? 0) + 1);
  return rows.map((r) => {
    const same = count.get(`${r.lang}:${r.label}`)!;
    const other = count.get(`${r.lang}:${r.label === 'injection' ? 'benign' : 'injection'}`) ?? same;
    return { ...ex(r), weight: (same + other) / (2 * same) };
  });
}

const deepset = jsonl('injection_deepset.jsonl');
const jackhhao = jsonl('injection_jackhhao_jailbreak.jsonl');
const ex = (r: { text: string; label: string }): Example => ({ text: r.text, injection: r.label === 'injection' });

const pool = [
  ...deepset.filter((r) => r.source.endsWith('train')).map(ex),
  ...jackhhao.filter((r) => bucket(r.text, 'jackhhao') < 0.8).map(ex),
  ...balancedByLanguage(GUARD_TRAIN),
];
const train = pool.filter((e) => bucket(e.text, 'dev') >= 0.1);
const dev = pool.filter((e) => bucket(e.text, 'dev') < 0.1);
const tests: Record<string, Example[]> = {
  'deepset test': deepset.filter((r) => r.source.endsWith('test')).map(ex),
  'jackhhao 20 %': jackhhao.filter((r) => bucket(r.text, 'jackhhao') >= 0.8).map(ex),
  'guard-held-out.ts': GUARD_HELD_OUT.map(ex),
  'guard-held-out-2.ts': GUARD_HELD_OUT_2.map(ex),
  NotInject: ['one', 'two', 'three'].flatMap((n) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'test', 'data', 'notinject', `NotInject_${n}.json`), 'utf8')) as Array<{
        prompt: string;
      }>
    ).map((r): Example => ({ text: r.prompt, injection: false })),
  ),
};

// Sparse logistic regression, AdaGrad steps, features scaled by 1/sqrt(count) as the model reads them.
const size = 1 << SHAPE.bits;
const weights = new Float32Array(size);
const squares = new Float32Array(size).fill(1e-8);
let bias = 0;
let biasSquare = 1e-8;
const encoded = train.map((e) => ({
  features: NgramModel.features(normalize(e.text), SHAPE),
  y: e.injection ? 1 : 0,
  w: e.weight ?? 1,
}));
let seed = 20261201;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  // Fisher-Yates with the seeded generator: the same order on every machine.
  const order = encoded.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order) {
    const { features, y, w } = encoded[i]!;
    if (features.length === 0) continue;
    const scale = 1 / Math.sqrt(features.length);
    let z = bias;
    for (const f of features) z += weights[f]! * scale;
    const g = (1 / (1 + Math.exp(-z)) - y) * w;
    biasSquare += g * g;
    bias -= (RATE * g) / Math.sqrt(biasSquare);
    for (const f of features) {
      const grad = g * scale + L2 * weights[f]!;
      squares[f]! += grad * grad;
      weights[f]! -= (RATE * grad) / Math.sqrt(squares[f]!);
    }
  }
}

const model0 = new NgramModel({ ...SHAPE, bias, threshold: 0.5 }, weights);
// The threshold with the best F1 on the dev split.
let threshold = 0.5;
let bestF1 = -1;
for (let step = 15; step <= 48; step++) {
  const t = step / 50;
  const f1 = score(dev, (e) => model0.probability(normalize(e.text)) >= t).f1;
  if (f1 > bestF1) {
    bestF1 = f1;
    threshold = t;
  }
}
const model = new NgramModel({ ...SHAPE, bias, threshold }, weights);

function score(rows: readonly Example[], blocks: (e: Example) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const e of rows) {
    const b = blocks(e);
    if (b && e.injection) tp++;
    else if (b) fp++;
    else if (e.injection) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), fpr: fp / (fp + tn || 1) };
}

const rules = (e: Example) => !judgeRules(e.text).safe;
const learned = (e: Example) => model.probability(normalize(e.text)) >= threshold;
const either = (e: Example) => rules(e) || learned(e);
// The model decides only where the rules saw something (a score, not a block): it cannot block a text with
// no signal at all, which is where it was wrong on texts unlike its training data.
const greyZone = (e: Example) => {
  const v = judgeRules(e.text);
  return !v.safe || ((v.score ?? 0) >= GREY && learned(e));
};
console.log(
  `train ${train.length}, dev ${dev.length}; threshold ${threshold.toFixed(2)} (dev F1 ${bestF1.toFixed(3)})\n`,
);
console.log('| test set | rules P / R / F1 / FPR | model | rules or model | rules, model where rules scored ≥ 0.3 |');
console.log('|---|---|---|---|---|');
const fmt = (s: ReturnType<typeof score>) =>
  `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(3)} / ${s.fpr.toFixed(3)}`;
for (const [name, rows] of Object.entries(tests))
  console.log(
    `| ${name} (${rows.length}) | ${fmt(score(rows, rules))} | ${fmt(score(rows, learned))} | ${fmt(score(rows, either))} | ${fmt(score(rows, greyZone))} |`,
  );
const all = Object.values(tests).flat();
console.log(
  `| all test rows (${all.length}) | ${fmt(score(all, rules))} | ${fmt(score(all, learned))} | ${fmt(score(all, either))} | ${fmt(score(all, greyZone))} |`,
);

if (process.argv.includes('--write')) {
  const file: NgramModelFile = model.file;
  writeFileSync(join(ROOT, 'resources', 'guard', 'injection-ngrams.bin'), Buffer.from(weights.buffer));
  writeFileSync(join(ROOT, 'resources', 'guard', 'injection-ngrams.json'), `${JSON.stringify(file, null, 2)}\n`);
  console.log('\nwritten: resources/guard/injection-ngrams.{bin,json}');
}
