import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadNgramModel, NgramModel } from '../../../plugins/guardrails/injection-guard/ngram-model.js';

const SHAPE = { bits: 8, minN: 3, maxN: 5, maxChars: 100, bias: 0, threshold: 0.5 } as const;

describe('injection_guard n-gram model', () => {
  it('reads the same features from the same text, and only the first maxChars characters', () => {
    assert.deepEqual(NgramModel.features('ignore this', SHAPE), NgramModel.features('ignore this', SHAPE));
    const long = `${'a'.repeat(100)}tail that is never read`;
    assert.deepEqual(NgramModel.features(long, SHAPE), NgramModel.features('a'.repeat(100), SHAPE));
  });

  it('scores a text by the weights of its n-grams', () => {
    const weights = new Float32Array(1 << SHAPE.bits);
    for (const f of NgramModel.features('ignore', SHAPE)) weights[f] = 3;
    const model = new NgramModel(SHAPE, weights);
    assert.ok(model.probability('ignore') > 0.9);
    assert.equal(model.probability(''), 0);
    assert.ok(model.probability('hello world') < model.probability('ignore'));
  });

  it('refuses weights of the wrong size, and loads the shipped model (512 KB)', () => {
    assert.throws(() => new NgramModel(SHAPE, new Float32Array(10)), /wants 256 weights/);
    const shipped = loadNgramModel(join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'guard'));
    assert.equal(shipped.weights.length, 1 << shipped.file.bits);
    assert.ok(shipped.file.threshold > 0 && shipped.file.threshold < 1);
  });
});
