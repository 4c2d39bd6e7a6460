import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ConfigDocument,
  DocumentError,
  modelsOf,
  parseDocument,
  redacted,
  shownToken,
  withActive,
  withModel,
  withOrder,
  withoutModel,
} from '../../../../services/web/configs/config-document.js';

const doc = (): ConfigDocument => ({
  g: {
    m: { providers: [{ id: 'a', api_token: 'sk-0123456789abcdef' }, { id: 'b' }, { id: 'c' }] },
    n: { providers: [{ id: 'd' }] },
  },
  active_models: { g: ['m', 'n'] },
});

describe('config documents', () => {
  it('reorders providers by their old indexes, and refuses an order that drops or repeats one', () => {
    const next = withOrder(doc(), 'g', 'm', [2, 0, 1]);
    assert.deepEqual(
      modelsOf(next)[0]!.providers.map((p) => p['id']),
      ['c', 'a', 'b'],
    );
    for (const bad of [
      [0, 1],
      [0, 0, 1],
      [0, 1, 3],
    ])
      assert.throws(() => withOrder(doc(), 'g', 'm', bad), DocumentError);
    assert.deepEqual(
      modelsOf(doc())[0]!.providers.map((p) => p['id']),
      ['a', 'b', 'c'],
      'the original is not changed',
    );
  });

  it('adds, deactivates and removes models, keeping active_models in step', () => {
    const added = withModel(doc(), 'h', 'x', { id: 'e' }, true);
    assert.deepEqual(added.active_models, { g: ['m', 'n'], h: ['x'] });
    assert.throws(() => withModel(added, 'h', 'x', { id: 'f' }, true), DocumentError);
    assert.deepEqual(withActive(added, 'g', 'n', false).active_models, { g: ['m'], h: ['x'] });
    const removed = withoutModel(added, 'h', 'x');
    assert.deepEqual(removed, doc());
  });

  it('shows tokens by their last four characters only when long, and never in a redacted copy', () => {
    assert.equal(shownToken('sk-0123456789abcdef'), '••••cdef');
    assert.equal(shownToken('short-token'), '••••');
    assert.equal(shownToken(''), '');
    assert.doesNotMatch(JSON.stringify(redacted(doc())), /0123456789/);
  });

  it('reads a pasted text as a document or says why not', () => {
    assert.match(String(parseDocument('{')), /^not JSON/);
    assert.equal(parseDocument('[]'), 'expected a JSON object');
    assert.match(String(parseDocument('{"g": {}}')), /^active_models/);
    assert.deepEqual(parseDocument(JSON.stringify(doc())), doc());
  });
});
