import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entitySpans, wordsOf } from '../../../services/inference/entity-spans.js';

const spans = (text: string, labels: string[]) =>
  entitySpans(
    wordsOf(text),
    labels.map((label) => ({ label, score: 0.9 })),
  ).map((s) => [text.slice(s.start, s.end), s.type]);

describe('entity spans', () => {
  it('splits words and punctuation with their offsets, Polish letters included', () => {
    assert.deepEqual(
      wordsOf('Zośka, ul. Łąkowa 5').map((w) => 'Zośka, ul. Łąkowa 5'.slice(w.start, w.end)),
      ['Zośka', ',', 'ul', '.', 'Łąkowa', '5'],
    );
  });

  it('joins B- and I- words of one type, and starts a new entity at each B-', () => {
    assert.deepEqual(
      spans('Anna Maria Kowalska met Jan in Gdańsk', ['B-PER', 'I-PER', 'I-PER', 'O', 'B-PER', 'O', 'B-LOC']),
      [
        ['Anna Maria Kowalska', 'PER'],
        ['Jan', 'PER'],
        ['Gdańsk', 'LOC'],
      ],
    );
    assert.deepEqual(spans('Jan Anna', ['B-PER', 'B-PER']), [
      ['Jan', 'PER'],
      ['Anna', 'PER'],
    ]);
  });

  it('starts an entity at a lone I- and joins unprefixed labels of one type', () => {
    assert.deepEqual(spans('to Kowalska then', ['O', 'I-PER', 'O']), [['Kowalska', 'PER']]);
    assert.deepEqual(spans('Orlen Group SA', ['ORG', 'ORG', 'ORG']), [['Orlen Group SA', 'ORG']]);
  });
});
