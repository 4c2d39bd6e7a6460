import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DigitRuns } from '../../../../plugins/maskers/fast-masker/digit-runs.js';
import { afterKey, allowedKeys, beforeKey } from '../../../../plugins/maskers/fast-masker/word-keys.js';

// Whether the words let through the text's first digit run, read after it or before it as the run index does.
function allowsAfter(text: string, words: readonly string[]): boolean {
  const runs = DigitRuns.of(text);
  return allowedKeys(words, true)[afterKey(runs.codes, text.length, runs.end[0]!)] === 1;
}

function allowsBefore(text: string, words: readonly string[]): boolean {
  const runs = DigitRuns.of(text);
  return allowedKeys(words, false)[beforeKey(runs.codes, runs.start[0]!)] === 1;
}

describe('word keys next to a digit run', () => {
  it('let through a run followed by one of the words, past a dot and spaces, in either case', () => {
    assert.equal(allowsAfter('14 maja 2024', ['maj']), true);
    assert.equal(allowsAfter('14.  MAJA', ['maj']), true);
    assert.equal(allowsAfter('14\u00a0maja', ['maj']), true);
    assert.equal(allowsAfter('14 kwh', ['maj']), false);
    assert.equal(allowsAfter('14', ['maj']), false);
  });

  it('let through a run preceded by one of the words, past spaces and a dot', () => {
    assert.equal(allowsBefore('Sept. 14', ['Sept']), true);
    assert.equal(allowsBefore('USD\t100', ['USD']), true);
    assert.equal(allowsBefore('nodes 14', ['Sept', 'USD']), false);
    assert.equal(allowsBefore('14', ['USD']), false);
  });

  it('read a one-character word on its character alone', () => {
    assert.equal(allowsAfter('5k zł', ['k']), true);
    assert.equal(allowsAfter('5 $', ['$']), true);
    assert.equal(allowsBefore('$120', ['$']), true);
    assert.equal(allowsAfter('5 %', ['$']), false);
  });

  it('read letters beyond ASCII as the case-insensitive patterns do', () => {
    // ſ is read as s and the Kelvin sign as k by `/iu`; ą is not a.
    assert.equal(allowsAfter('3 ſtycznia', ['sty']), true);
    assert.equal(allowsAfter('7 \u212a€', ['k']), true);
    assert.equal(allowsAfter('3 ąbc', ['abc']), false);
    assert.equal(allowsAfter('100 €', ['€']), true);
    assert.equal(allowsAfter('100 e', ['€']), false);
    assert.equal(allowsAfter('100 zł', ['zł']), true);
    assert.equal(allowsAfter('100 zl', ['zł']), false);
  });
});
