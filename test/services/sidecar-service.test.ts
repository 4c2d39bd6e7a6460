import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SidecarProcess, sidecarExpectingFailure, tinyServicesConfig } from '../support/sidecar-process.js';

const sidecar = new SidecarProcess();
before(async () => void (await sidecar.start()));
after(() => sidecar.stop());

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('sidecar service, with real (tiny) models', () => {
  it('answers ping', async () => {
    const res = await fetch(`${sidecar.url}/api/ping`);
    assert.deepEqual(await res.json(), { response: 'pong' });
  });

  it('judges every string of the body with the reference result shape and thresholds', async () => {
    const { status, json } = await sidecar.post('/api/guardrails/sojka_guard', {
      payload: { texts: ['How do I make a bomb at home?', 'What a lovely day'] },
    });
    assert.equal(status, 200);
    assert.equal(json.results.safe, false);
    assert.deepEqual(
      json.results.detailed.map((c: any) => [c.chunk_index, c.label, c.safe]),
      [
        [0, 'crime', false],
        [1, json.results.detailed[1].label, true],
      ],
    );
    assert.ok(json.results.detailed[0].score > 0.7 && json.results.detailed[1].score < 0.7);
    const nask = await sidecar.post('/api/guardrails/nask_guard', {
      texts: ['Jak ukraść samochód?', 'Jak upiec ciasto?'],
    });
    assert.deepEqual(
      nask.json.results.detailed.map((c: any) => [c.label, c.safe]),
      [
        ['S1', false],
        ['safe', true],
      ],
    );
    const safe = await sidecar.post('/api/guardrails/nask_guard', { texts: ['Jak upiec ciasto?'] });
    assert.equal(safe.json.results.safe, true);
  });

  it('cuts long texts into overlapping token windows, so a word at the end is still judged', async () => {
    const { json } = await sidecar.post('/api/guardrails/sojka_guard', { payload: `${filler(60)} detonator` });
    const chunks = json.results.detailed;
    assert.ok(chunks.length >= 3, `${chunks.length} windows`);
    assert.equal(chunks.at(-1).label, 'crime');
    assert.equal(json.results.safe, false);
    // Windows overlap: each starts before the previous one ended.
    const first = chunks[0].chunk_text.split(' ');
    assert.ok(first.includes(chunks[1].chunk_text.split(' ')[0]), 'the second window starts inside the first');
  });

  it('keeps answering pings while a long batch is being classified', async () => {
    const big = Array.from({ length: 40 }, () => filler(2000));
    const started = performance.now();
    let guardDone = 0;
    const guard = sidecar.post('/api/guardrails/sojka_guard', { texts: big }).then((r) => {
      guardDone = performance.now();
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const pingStarted = performance.now();
    const ping = await fetch(`${sidecar.url}/api/ping`);
    const pinged = performance.now();
    assert.equal(ping.status, 200);
    const r = await guard;
    assert.equal(r.status, 200);
    assert.ok(
      guardDone > pinged,
      `the ping (${(pinged - started).toFixed(0)} ms) came back before the batch (${(guardDone - started).toFixed(0)} ms)`,
    );
    assert.ok(pinged - pingStarted < (guardDone - started) / 2);
  });

  it('replaces names, places and organisations with placeholders and says what each stands for', async () => {
    const { json } = await sidecar.post('/api/maskers/pii', {
      texts: ['Anna Kowalska mieszka w Krakowie.', 'Pisała do niej Anna Kowalska z Orlen.'],
    });
    assert.deepEqual(json.anonymized.texts, [
      '{{PERSON_1}} mieszka w {{LOCATION_1}}.',
      'Pisała do niej {{PERSON_1}} z {{ORGANIZATION_1}}.',
    ]);
    assert.deepEqual(json.mappings, {
      '{{PERSON_1}}': 'Anna Kowalska',
      '{{LOCATION_1}}': 'Krakowie',
      '{{ORGANIZATION_1}}': 'Orlen',
    });
  });

  it('embeds texts so that texts on one topic are closer than texts on two', async () => {
    const { json } = await sidecar.post('/api/embeddings', {
      input: ['python code with a bug', 'typescript function', 'zupa przepis'],
    });
    const [a, b, c] = json.data.map((d: any) => d.embedding as number[]);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    assert.ok(dot(a, b) > dot(a, c) + 0.3, `${dot(a, b)} vs ${dot(a, c)}`);
    assert.ok(Math.abs(dot(a, a) - 1) < 1e-4, 'vectors are normalised');
  });

  it('answers a repeated text from its cache, visible in /metrics', async () => {
    const text = `A cached question ${Date.now()}`;
    await sidecar.post('/api/guardrails/nask_guard', { texts: [text] });
    await sidecar.post('/api/guardrails/nask_guard', { texts: [text] });
    const metrics = await (await fetch(`${sidecar.url}/metrics`)).text();
    assert.match(metrics, /llm_router_sidecar_cache_hits_total\{service="nask_guard"\} [1-9]/);
    assert.match(metrics, /llm_router_sidecar_inference_seconds_count\{service="nask_guard"\} [1-9]/);
  });

  it('refuses bodies that are not JSON and guards it does not serve, with a clear error', async () => {
    const bad = await sidecar.post('/api/guardrails/nask_guard', '{"texts": [');
    assert.deepEqual([bad.status, bad.json], [400, { error: 'Request body must be JSON' }]);
    const unknown = await sidecar.post('/api/guardrails/llama_guard', { texts: ['x'] });
    assert.equal(unknown.status, 404);
    assert.match(unknown.json.error, /llama_guard.*nask_guard/);
    const embed = await sidecar.post('/api/embeddings', { input: 42 });
    assert.equal(embed.status, 400);
    assert.match(embed.json.error, /input/);
  });

  it('refuses to start, naming the variable, when an enabled model directory is missing', async () => {
    const { code, output } = await sidecarExpectingFailure({
      LLM_ROUTER_SERVICES_CONFIG: tinyServicesConfig(),
      LLM_ROUTER_SOJKA_GUARD_MODEL_PATH: '/nonexistent/bielik',
    });
    assert.equal(code, 1);
    assert.match(
      output,
      /sojka_guard is enabled but its model directory \/nonexistent\/bielik has no config\.json.*LLM_ROUTER_SOJKA_GUARD_MODEL_PATH/,
    );
  });
});
