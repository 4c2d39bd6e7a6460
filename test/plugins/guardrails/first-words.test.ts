import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FirstWords, wordKeys } from '../../../plugins/guardrails/injection-guard/first-words.js';
import { normalize } from '../../../plugins/guardrails/injection-guard/normalize.js';
import { branchesOf, patternKeys } from '../../../plugins/guardrails/injection-guard/pattern-words.js';
import { SIGNALS } from '../../../plugins/guardrails/injection-guard/signals.js';
import { GUARD_HELD_OUT } from '../../../scripts/eval/guard-held-out.js';
import { GUARD_HELD_OUT_2 } from '../../../scripts/eval/guard-held-out-2.js';
import { GUARD_TRAIN } from '../../../scripts/eval/guard-train.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const notInject = ['one', 'two', 'three'].flatMap((n) =>
  (
    JSON.parse(readFileSync(join(ROOT, 'test', 'data', 'notinject', `NotInject_${n}.json`), 'utf8')) as Array<{
      prompt: string;
    }>
  ).map((r) => r.prompt),
);
const texts = [...GUARD_TRAIN, ...GUARD_HELD_OUT, ...GUARD_HELD_OUT_2].map((r) => r.text).concat(notInject);
// Pieces of two texts joined, spaces doubled and commas dropped: word starts the sets do not have as written.
const mutated = texts.flatMap((t, i) => {
  const other = texts[(i * 7 + 3) % texts.length]!;
  return [t.slice(0, t.length / 2) + other.slice(other.length / 2), t.replace(/ /g, '  ').replace(/,/g, '')];
});
const views = [...texts, ...mutated].map((t) => normalize(t));

const matches = (re: RegExp, t: string) => {
  re.lastIndex = 0;
  return re.test(t);
};
const skipped = (keys: readonly number[] | null, words: Set<number>) =>
  keys !== null && !keys.some((k) => words.has(k));

describe('injection_guard first-word keys', () => {
  it('finds exactly what a scan finds: every branch of every signal, on every set and its variants', () => {
    const branches = SIGNALS.flatMap((s) => (s.distinct === undefined ? branchesOf(s.pattern) : [s.pattern]));
    const first = new FirstWords(branches);
    let found = 0;
    for (const t of views) {
      first.read(t);
      branches.forEach((b, i) => {
        const scanned = matches(b, t);
        if (scanned) found++;
        assert.equal(first.test(i, t), scanned, `/${b.source.slice(0, 60)}…/ on ${t.slice(0, 80)}`);
        if (scanned) assert.ok(!skipped(patternKeys(b), wordKeys(t)));
      });
    }
    assert.ok(found > 500, `only ${found} matches to check`);
  });

  it('reads the first words of a pattern, and where a match can begin inside a word, says it cannot tell', () => {
    const keys = patternKeys(/\b(ignore|forget)\b all/)!;
    assert.ok(keys.length > 0);
    assert.equal(skipped(keys, wordKeys('please ignore all of it')), false);
    assert.equal(skipped(keys, wordKeys('forgetful all day')), false, 'a prefix key: "for…" words are tried');
    assert.equal(skipped(keys, wordKeys('nothing to see here')), true);
    assert.equal(patternKeys(/[a-z]{2,}gpt\b/), null);
    assert.equal(patternKeys(/ing\b/), null, 'a match may begin inside a word');
  });

  it('sees words as \\b and (?<!\\p{L}) do: an ASCII word after a Cyrillic letter, a Cyrillic word after a digit', () => {
    const ascii = /\bignore\b/;
    assert.ok(ascii.test('тignore'));
    assert.equal(skipped(patternKeys(ascii), wordKeys('тignore')), false);
    const cyrillic = /(?<!\p{L})забудь(?!\p{L})/u;
    assert.ok(cyrillic.test('1забудь'));
    assert.equal(skipped(patternKeys(cyrillic), wordKeys('1забудь')), false);
    assert.equal(skipped(patternKeys(cyrillic), wordKeys('незабудка')), true);
  });

  it('leaves most patterns untried on an ordinary text', () => {
    const branches = SIGNALS.flatMap((s) => (s.distinct === undefined ? branchesOf(s.pattern) : [s.pattern]));
    const words = wordKeys(
      normalize('Could you summarise the attached quarterly report and list the three biggest risks?'),
    );
    const run = branches.filter((b) => !skipped(patternKeys(b), words)).length;
    assert.ok(run < branches.length / 4, `${run} of ${branches.length} tried`);
  });
});
