import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openEmbedder } from '../../../core/retrieval/open-embedder.js';
import { SidecarProcess, tinyModels } from '../../support/sidecar-process.js';

const TEXTS = ['przepis na zupę', 'weather forecast: rain', 'Umowa i sąd'];

describe('embedders from one setting', () => {
  const sidecar = new SidecarProcess();
  before(() => sidecar.start());
  after(() => sidecar.stop());

  it('gives the same vectors from a local model directory and from the sidecar serving that model', async () => {
    const local = await openEmbedder(tinyModels().embeddings, 'X');
    const remote = await openEmbedder(`${sidecar.url}/api/embeddings`, 'X');
    try {
      assert.equal(local.dimension, remote.dimension);
      const [a, b] = [await local.embed(TEXTS), await remote.embed(TEXTS)];
      for (const [i, v] of a.entries()) {
        const w = b[i]!;
        assert.ok(Math.abs(v.reduce((s, x, j) => s + x * w[j]!, 0) - 1) < 1e-4, `text ${i}`);
      }
      assert.notEqual(local.id, remote.id, 'an index records which embedder made it');
    } finally {
      await local.close();
      await remote.close();
    }
  });

  it('stops start-up on a hub id, an unreachable URL and a directory that is not a model', async () => {
    await assert.rejects(openEmbedder('sentence-transformers/all-MiniLM-L6-v2', 'MY_VAR'), /MY_VAR=.*never downloaded/);
    await assert.rejects(openEmbedder('http://127.0.0.1:9/v1/embeddings', 'MY_VAR'), /MY_VAR=.*the embedder failed/);
    await assert.rejects(openEmbedder('/tmp', 'MY_VAR'), /neither builtin:char-ngram/);
  });
});

describe('the shipped routing configs', () => {
  const models = JSON.parse(readFileSync('configs/models-config.json', 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const names = new Set(Object.entries(models).flatMap(([k, v]) => (k === 'active_models' ? [] : Object.keys(v))));

  it('point at models of the shipped models config', () => {
    const biencoder = JSON.parse(readFileSync('resources/routing/semantic_biencoder.json', 'utf8'));
    for (const t of biencoder.routing_targets) assert.ok(names.has(t.model_name), t.model_name);
    const simple = JSON.parse(readFileSync('resources/routing/semantic/simple.json', 'utf8'));
    for (const m of Object.values(simple.settings.default_models)) assert.ok(names.has(m as string), String(m));
  });
});
