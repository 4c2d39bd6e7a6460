import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseModelsConfig } from '../../../core/config/models-config.js';

const provider = (more: object = {}) => ({ id: 'p1', api_host: 'http://127.0.0.1:8000', api_type: 'vllm', ...more });
const config = (providers: object[], extra: object = {}) => ({
  g: { m: { providers, providers_sleep: [] }, ...extra },
  active_models: { g: ['m'] },
});

describe('models config', () => {
  it('fills the reference defaults and keeps the listed order', () => {
    const parsed = parseModelsConfig(
      {
        g: { b: { providers: [provider()] }, a: { providers: [provider({ id: 'p2' })] } },
        active_models: { g: ['b', 'a'] },
      },
      'f.json',
    );
    assert.deepEqual([...parsed.models.keys()], ['b', 'a']);
    const p = parsed.models.get('b')!.providers[0]!;
    assert.deepEqual(
      { token: p.api_token, path: p.model_path, weight: p.weight, tools: p.tool_calling, keep: p.keep_alive },
      { token: '', path: '', weight: 1, tools: false, keep: null },
    );
  });

  it('accepts llama.cpp, numeric-string input sizes and clamps weights to 1', () => {
    const p = parseModelsConfig(
      config([provider({ api_type: 'llama.cpp', input_size: '4096', weight: 3 })]),
      'f',
    ).models.get('m')!.providers[0]!;
    assert.equal(p.api_type, 'llama.cpp');
    assert.equal(p.input_size, 4096);
    assert.equal(p.weight, 1);
  });

  it('takes a base URL ending in /v1 (or /api for Ollama) as the server it names, not a doubled path', () => {
    const hostOf = (api_host: string, api_type: string) =>
      parseModelsConfig(config([provider({ api_host, api_type })]), 'f').models.get('m')!.providers[0]!.api_host;
    assert.equal(hostOf('http://127.0.0.1:8000/v1', 'vllm'), 'http://127.0.0.1:8000');
    assert.equal(hostOf('https://api.example.com/openai/v1/', 'openai'), 'https://api.example.com/openai');
    assert.equal(hostOf('https://api.anthropic.com/v1', 'anthropic'), 'https://api.anthropic.com');
    assert.equal(hostOf('http://127.0.0.1:11434/api', 'ollama'), 'http://127.0.0.1:11434');
    assert.equal(hostOf('http://127.0.0.1:11434/v1', 'ollama'), 'http://127.0.0.1:11434/v1');
    assert.equal(hostOf('http://127.0.0.1:8000/', 'vllm'), 'http://127.0.0.1:8000');
  });

  it('serves only active models', () => {
    const parsed = parseModelsConfig(
      { g: { m: { providers: [provider()] }, idle: { providers: [] } }, active_models: { g: ['m'] } },
      'f',
    );
    assert.equal(parsed.models.size, 1);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['no active_models', { g: {} }, /active_models/],
    ['an active model that is not defined', { g: {}, active_models: { g: ['ghost'] } }, /model "ghost".*not defined/],
    ['a provider without api_host', config([{ id: 'x', api_type: 'vllm' }]), /model "m": field providers\.0\.api_host/],
    ['a bad keep_alive', config([provider({ keep_alive: '35 minutes' })]), /providers\.0\.keep_alive.*35m/],
    ['no providers', config([]), /at least one provider/],
    [
      'duplicate provider ids',
      { g: { a: { providers: [provider()] }, b: { providers: [provider()] } }, active_models: { g: ['a', 'b'] } },
      /duplicate provider id "p1"/,
    ],
  ];
  for (const [what, raw, message] of bad) {
    it(`refuses ${what}, naming the file`, () => {
      assert.throws(
        () => parseModelsConfig(raw, 'configs/x.json'),
        (e: Error) => e.message.startsWith('models config configs/x.json') && message.test(e.message),
      );
    });
  }
});
