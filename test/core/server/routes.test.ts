import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSettings } from '../../../core/config/settings.js';
import { type EndpointClass, prefixed, unprefixed } from '../../../core/endpoints/endpoint.js';
import { discoverEndpoints, resolveRoutes } from '../../../core/server/routes.js';

const endpoint = (name: string, paths: ReturnType<typeof prefixed>[]): EndpointClass =>
  ({
    [name]: class {
      static route = { method: 'POST' as const, paths, dialect: 'openai' as const, group: 'openai' as const };
      handle() {}
    },
  })[name]!;

describe('route resolution', () => {
  it('finds every endpoint file without a central list', async () => {
    const names = (await discoverEndpoints()).map((c) => c.name);
    for (const n of [
      'OpenAIChatCompletions',
      'AnthropicMessages',
      'OllamaChat',
      'OpenAIResponses',
      'OpenAIEmbeddings',
      'OllamaTags',
      'Ping',
    ])
      assert.ok(names.includes(n), n);
  });

  it('merges the two paths of one endpoint that meet under an empty prefix', () => {
    const chat = endpoint('Chat', [unprefixed('/chat/completions'), prefixed('chat/completions')]);
    const routes = resolveRoutes([chat], loadSettings({ LLM_ROUTER_EP_PREFIX: '' }));
    assert.deepEqual(
      routes.map((r) => r.path),
      ['/chat/completions'],
    );
  });

  it('refuses two endpoints on one path, naming both', () => {
    const a = endpoint('First', [unprefixed('/x')]);
    const b = endpoint('Second', [prefixed('x')]);
    assert.throws(() => resolveRoutes([a, b], loadSettings({ LLM_ROUTER_EP_PREFIX: '' })), /POST \/x.*First.*Second/);
  });

  it('registers the real endpoints under the default, empty and custom prefixes', async () => {
    const classes = await discoverEndpoints();
    for (const prefix of ['/api', '', '/router']) {
      const paths = resolveRoutes(classes, loadSettings({ LLM_ROUTER_EP_PREFIX: prefix })).map(
        (r) => `${r.method} ${r.path}`,
      );
      assert.ok(paths.includes(`POST ${prefix}/chat`));
      assert.ok(paths.includes('POST /v1/messages'));
      assert.ok(!paths.includes('GET /metrics'), 'metrics only when Prometheus is on');
    }
  });
});
