import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess, runExpectingFailure } from '../support/gateway-process.js';
import { chatModel, fakeModelsConfig } from '../support/models.js';
import { SidecarProcess, tinyModels } from '../support/sidecar-process.js';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'rag', 'rag-cli.js');
const HEADER = 'If the context below will help answer the above question, use it.';

// English and Polish documents on topics the tiny embedding model tells apart (cooking, weather, law, code).
const DOCS: Record<string, string> = {
  'kuchnia/zupa.md':
    'Przepis na zupę pomidorową: gotować pomidory godzinę, potem zupa dostaje śmietanę. Ciasto piec osobno.',
  'weather.txt': 'The weather forecast for tomorrow: rain in the morning, snow at night, sunny on Sunday.',
  'prawo/umowa.md':
    'Umowa najmu: prawnik sprawdza umowę, spór rozstrzyga sąd, a wyrok jest wiążący. Kontakt: jan.kowalski@example.com',
  'code.md': 'To compile the Python program, fix the bug in the function first; TypeScript code needs tsc.',
};

function writeDocs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rag-docs-'));
  for (const [name, text] of Object.entries(DOCS)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'ignored.json'), '{"not": "indexed"}');
  return dir;
}

const ragEnv = (embedder: string, persist: string) => ({
  LLM_ROUTER_LANGCHAIN_RAG_COLLECTION: 'handbook',
  LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER: embedder,
  LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR: persist,
  LLM_ROUTER_LANGCHAIN_RAG_TOP_K: '1',
});

async function index(env: Record<string, string>, docs: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'index', '--path', docs, '--ext', '.md', '.txt'],
    {
      env: { PATH: process.env['PATH'] ?? '', ...env },
    },
  );
  return stdout;
}

const lastUserText = (body: Record<string, unknown>) => {
  const messages = body['messages'] as Array<{ role: string; content: string }>;
  return messages.filter((m) => m.role === 'user').at(-1)!.content;
};

for (const [name, embedder] of [
  ['builtin:char-ngram', () => 'builtin:char-ngram'],
  ['the tiny embedding model', () => tinyModels().embeddings],
] as const) {
  describe(`langchain_rag with ${name}: indexed by the CLI, served by the gateway`, () => {
    const upstream = new FakeUpstream();
    const gateway = new GatewayProcess();
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    let env: Record<string, string> = {};
    const client = () => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });

    before(async () => {
      await upstream.start();
      env = {
        ...ragEnv(embedder(), persist),
        LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
        LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
        LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'langchain_rag',
      };
      const out = await index(env, writeDocs());
      assert.match(out, /indexed 4 documents, 4 chunks/);
      await gateway.start(env);
    });
    after(async () => {
      await gateway.stop();
      await upstream.stop();
    });

    it('appends the nearest chunk to the last user message under the header, and names it in a header', async () => {
      const { data, response } = await client()
        .chat.completions.create({
          model: chatModel('vllm'),
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Podaj przepis na zupę, jak ją gotować?' },
          ],
        })
        .withResponse();
      assert.ok(data.choices[0]?.message.content);
      const sent = lastUserText(upstream.last().body);
      assert.ok(sent.startsWith('Podaj przepis na zupę, jak ją gotować?\n\nIf the context below'), sent);
      assert.ok(sent.includes(DOCS['kuchnia/zupa.md']!), sent);
      assert.ok(!sent.includes(DOCS['weather.txt']!), 'top k is 1');
      assert.equal(response.headers.get('x-llm-router-rag'), 'collection=handbook; chunks=kuchnia%2Fzupa.md#0');
      const system = (upstream.last().body['messages'] as Array<{ content: string }>)[0]!.content;
      assert.equal(system, 'Be brief.', 'only the user statement is extended');
    });

    it('extends user_last_statement when the client sends one, streamed too', async () => {
      const stream = await client().chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'Hello' }],
        stream: true,
        // @ts-expect-error the reference's field, beside the OpenAI ones
        user_last_statement: 'What is the weather forecast, will it rain?',
      });
      for await (const _ of stream);
      const body = upstream.last().body;
      assert.ok(String(body['user_last_statement']).includes(DOCS['weather.txt']!));
      assert.equal(lastUserText(body), 'Hello');
    });

    it('answers the search command with the nearest chunks, best first', async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, 'search', '--query', 'weather forecast, rain?', '--top_n', '2'],
        { env: { PATH: process.env['PATH'] ?? '', ...env } },
      );
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^\d\.\d{4}\tweather\.txt#0\tThe weather forecast/);
    });

    it('reads the same index back after a restart', async () => {
      await gateway.stop();
      await gateway.start(env);
      await client().chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'Czy umowa trafi do sądu? Prawnik?' }],
      });
      assert.ok(lastUserText(upstream.last().body).includes('Umowa najmu'));
    });
  });
}

describe('langchain_rag start-up and privacy', () => {
  const upstream = new FakeUpstream();
  before(() => upstream.start());
  after(() => upstream.stop());
  const base = () => ({
    LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'langchain_rag',
  });

  it('refuses to start without its variables, with a missing index, or with another embedder’s index', async () => {
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    let r = await runExpectingFailure({ ...base(), LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER: 'builtin:char-ngram' });
    assert.match(r.output, /needs LLM_ROUTER_LANGCHAIN_RAG_COLLECTION/);
    r = await runExpectingFailure({ ...base(), ...ragEnv('builtin:char-ngram', persist) });
    assert.match(r.output, /no index in .*npm run --silent rag -- index/);
    r = await runExpectingFailure({ ...base(), ...ragEnv('BAAI/bge-m3', persist) });
    assert.match(r.output, /neither builtin:char-ngram, an http\(s\):\/\/ embeddings URL nor a local model directory/);
    r = await runExpectingFailure({
      ...base(),
      ...ragEnv('builtin:char-ngram', persist),
      LLM_ROUTER_LANGCHAIN_RAG_DEVICE: 'cuda',
    });
    assert.match(r.output, /only cpu is supported/);
    await index(ragEnv('builtin:char-ngram', persist), writeDocs());
    r = await runExpectingFailure({ ...base(), ...ragEnv(tinyModels().embeddings, persist) });
    assert.notEqual(r.code, 0);
    assert.match(r.output, /was built with the embedder builtin:char-ngram/);
    const store = JSON.parse(readFileSync(join(persist, 'docstore.json'), 'utf8'));
    assert.equal(store.chunks.length, 4);
  });

  it('embeds through the sidecar, and answers 503 naming the plugin (not the host) when the sidecar is gone', async () => {
    const sidecar = await new SidecarProcess().start();
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    const env = { ...base(), ...ragEnv(`${sidecar.url}/api/embeddings`, persist) };
    const gateway = new GatewayProcess();
    try {
      await index(env, writeDocs());
      await gateway.start(env);
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
      const ask = () =>
        client.chat.completions.create({
          model: chatModel('vllm'),
          messages: [{ role: 'user', content: 'Czy jutro będzie deszcz? Jaka prognoza pogoda?' }],
        });
      await ask();
      assert.ok(lastUserText(upstream.last().body).includes(DOCS['weather.txt']!));
      const sent = upstream.requests.length;
      await sidecar.stop();
      const err = await ask().catch((e: unknown) => e);
      assert.ok(err instanceof OpenAI.APIError && err.status === 503, String(err));
      assert.match(err.message, /utils plugin 'langchain_rag' failed/);
      assert.ok(!err.message.includes('127.0.0.1'), err.message);
      assert.equal(upstream.requests.length, sent, 'nothing was sent');
    } finally {
      await gateway.stop();
      await sidecar.stop();
    }
  });

  it('masks the query before a remote embedder sees it, when the request is masked', async () => {
    // An OpenAI-compatible /v1/embeddings that records what it was sent (the fake upstream).
    const embeddings = await new FakeUpstream().start();
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    const env = { ...base(), ...ragEnv(`${embeddings.url}/v1/embeddings#embed-openai`, persist) };
    const gateway = new GatewayProcess();
    try {
      await index(env, writeDocs());
      await gateway.start({
        ...env,
        LLM_ROUTER_FORCE_MASKING: '1',
        LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker',
      });
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
      const before = embeddings.requests.length;
      await client.chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'Umowa dla anna.nowak@example.com i PESEL 44051401359?' }],
      });
      const sent = JSON.stringify(embeddings.requests.slice(before).map((r) => r.body));
      assert.ok(sent.includes('{{EMAIL_1}}') && sent.includes('{{PESEL_1}}'), sent);
      assert.ok(!sent.includes('anna.nowak@example.com') && !sent.includes('44051401359'), sent);
      const upstreamSent = JSON.stringify(upstream.last().body);
      assert.ok(!upstreamSent.includes('anna.nowak@example.com'), upstreamSent);
      assert.ok(upstreamSent.includes('{{EMAIL_1}}'), 'the same placeholder as the embedder got');
    } finally {
      await gateway.stop();
      await embeddings.stop();
    }
  });

  it('masks the added context: an e-mail in a document never reaches the backend', async () => {
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    await index(ragEnv('builtin:char-ngram', persist), writeDocs());
    const gateway = await new GatewayProcess().start({
      ...base(),
      ...ragEnv('builtin:char-ngram', persist),
      LLM_ROUTER_FORCE_MASKING: '1',
      LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker',
    });
    try {
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
      await client.chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'Kto sprawdza umowę najmu, prawnik czy sąd?' }],
      });
      const sent = JSON.stringify(upstream.last().body);
      assert.ok(sent.includes(HEADER) && sent.includes('Umowa najmu'), sent);
      assert.ok(!sent.includes('jan.kowalski@example.com'), sent);
      assert.match(sent, /\{\{EMAIL_1\}\}/);
    } finally {
      await gateway.stop();
    }
  });
});

describe('langchain_rag reload', () => {
  it('serves a rebuilt index after a reload, and keeps the old one when the new one is broken', async () => {
    const upstream = await new FakeUpstream().start();
    const persist = join(mkdtempSync(join(tmpdir(), 'rag-index-')), 'handbook');
    const env = ragEnv('builtin:char-ngram', persist);
    const first = mkdtempSync(join(tmpdir(), 'rag-docs-'));
    writeFileSync(join(first, 'a.md'), 'The office opens at nine and the canteen serves soup at noon.');
    await index(env, first);
    const gateway = await new GatewayProcess().start({
      ...env,
      LLM_ROUTER_UTILS_PLUGINS_PIPELINE: 'langchain_rag',
      LLM_ROUTER_ADMIN_TOKEN: 'admin-secret-token',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(fakeModelsConfig(upstream.url)),
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'k', maxRetries: 0 });
    const ask = async () => {
      await client.chat.completions.create({
        model: chatModel('vllm'),
        messages: [{ role: 'user', content: 'When does the office open?' }],
      });
      return lastUserText(upstream.last().body);
    };
    const reload = () =>
      fetch(`${gateway.url}/api/admin/reload`, {
        method: 'POST',
        headers: { authorization: 'Bearer admin-secret-token' },
      }).then((r) => r.json() as Promise<{ plugins_not_reloaded: string[] }>);
    try {
      assert.match(await ask(), /opens at nine/);
      const second = mkdtempSync(join(tmpdir(), 'rag-docs-'));
      writeFileSync(join(second, 'b.md'), 'The office opens at eight since Monday; the canteen is closed.');
      await index(env, second);
      assert.deepEqual((await reload()).plugins_not_reloaded, []);
      assert.match(await ask(), /opens at eight/);
      writeFileSync(join(persist, 'index.faiss'), 'torn');
      assert.deepEqual((await reload()).plugins_not_reloaded, ['langchain_rag']);
      assert.match(gateway.output, /utils plugin langchain_rag kept its state/);
      assert.match(await ask(), /opens at eight/, 'the old collection still serves');
    } finally {
      await gateway.stop();
      await upstream.stop();
    }
  });
});
