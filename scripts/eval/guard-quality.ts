/**
 * Precision, recall, F1 and latency of the injection_guard on the shared injection sets, the project's
 * training set (tuned on), its two held-out sets and NotInject's benign prompts (never tuned on), the
 * project's sets also per language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge } from '../../plugins/guardrails/injection-guard/injection-guard.js';
import { GUARD_HELD_OUT } from './guard-held-out.js';
import { GUARD_HELD_OUT_2 } from './guard-held-out-2.js';
import { GUARD_HELD_OUT_3 } from './guard-held-out-3.js';
import type { GuardRow } from './guard-rows.js';
import { GUARD_TRAIN } from './guard-train.js';

const EVAL_DIR = process.env['EVAL_DIR'] ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'eval');

interface Row {
  text: string;
  label: 'injection' | 'benign';
}

function load(file: string): Row[] {
  return readFileSync(join(EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
}

/** NotInject's benign prompts (test/data/notinject, MIT): every block is a false alarm. */
function notInject(): Row[] {
  const dir = join(import.meta.dirname, '..', '..', '..', 'test', 'data', 'notinject');
  return ['one', 'two', 'three'].flatMap((n) =>
    (JSON.parse(readFileSync(join(dir, `NotInject_${n}.json`), 'utf8')) as Array<{ prompt: string }>).map(
      (r): Row => ({ text: r.prompt, label: 'benign' }),
    ),
  );
}

function evaluate(file: string, rows: readonly Row[]): void {
  // One untimed pass first: latency is reported for a running gateway, not for the regexes' first compile.
  for (const r of rows) judge(r.text);
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const times: number[] = [];
  for (const r of rows) {
    const t = process.hrtime.bigint();
    const blocked = !judge(r.text).safe;
    times.push(Number(process.hrtime.bigint() - t) / 1000);
    if (blocked && r.label === 'injection') tp++;
    else if (blocked) fp++;
    else if (r.label === 'injection') fn++;
    else tn++;
  }
  times.sort((a, b) => a - b);
  const p = tp / (tp + fp || 1),
    rcl = tp / (tp + fn || 1),
    f1 = (2 * p * rcl) / (p + rcl || 1);
  const q = (x: number) => times[Math.floor(x * (times.length - 1))]!;
  const chars = rows.reduce((n, r) => n + r.text.length, 0) / rows.length;
  console.log(
    `| ${file} | ${rows.length} | ${tp} | ${fp} | ${fn} | ${tn} | ${p.toFixed(3)} | ${rcl.toFixed(3)} | ${f1.toFixed(3)} | ${q(0.5).toFixed(1)} | ${q(0.99).toFixed(1)} | ${chars.toFixed(0)} |`,
  );
}

console.log(`injection_guard quality — ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| set | rows | TP | FP | FN | TN | precision | recall | F1 | p50 µs | p99 µs | mean chars |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const f of ['injection_deepset.jsonl', 'injection_jackhhao_jailbreak.jsonl']) evaluate(f, load(f));
evaluate('guard-train.ts (tuned on)', GUARD_TRAIN);
evaluate('guard-held-out.ts (held out)', GUARD_HELD_OUT);
evaluate('guard-held-out-2.ts (held out)', GUARD_HELD_OUT_2);
evaluate('guard-held-out-3.ts (held out, by a session that had not read the rules)', GUARD_HELD_OUT_3);
evaluate('NotInject (held out, all benign)', notInject());

console.log(
  '\nPer language (training | held out | held out 2 | held out 3): recall on injections, false alarms on benign texts.\n',
);
console.log(
  '| lang | train recall | train false alarms | held-out recall | held-out false alarms | held-out 2 recall | held-out 2 false alarms | held-out 3 recall | held-out 3 false alarms |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const langs = [...new Set([...GUARD_TRAIN, ...GUARD_HELD_OUT, ...GUARD_HELD_OUT_2].map((r) => r.lang))];
const rate = (rows: readonly GuardRow[], label: GuardRow['label']) => {
  const of = rows.filter((r) => r.label === label);
  return `${of.filter((r) => !judge(r.text).safe).length}/${of.length}`;
};
for (const lang of langs) {
  const train = GUARD_TRAIN.filter((r) => r.lang === lang);
  const held = GUARD_HELD_OUT.filter((r) => r.lang === lang);
  const held2 = GUARD_HELD_OUT_2.filter((r) => r.lang === lang);
  const held3 = GUARD_HELD_OUT_3.filter((r) => r.lang === lang);
  console.log(
    `| ${lang} | ${rate(train, 'injection')} | ${rate(train, 'benign')} | ${rate(held, 'injection')} | ${rate(held, 'benign')} | ${rate(held2, 'injection')} | ${rate(held2, 'benign')} | ${rate(held3, 'injection')} | ${rate(held3, 'benign')} |`,
  );
}
