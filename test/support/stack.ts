import { after, before } from 'node:test';
import { FakeUpstream } from './fake-upstream.js';
import { GatewayProcess } from './gateway-process.js';
import { fakeModelsConfig } from './models.js';

export interface Stack {
  upstream: FakeUpstream;
  gateway: GatewayProcess;
}

type Env = Record<string, string>;

/**
 * A fake upstream and a gateway process routed to it, started before and stopped after the file's tests.
 * `env` may be a function, for values known only once something else has started (a sidecar's URL).
 */
export function useStack(env: Env | (() => Env | Promise<Env>) = {}): Stack {
  const stack = { upstream: new FakeUpstream(), gateway: new GatewayProcess() };
  before(async () => {
    await stack.upstream.start();
    const config = GatewayProcess.writeConfig(fakeModelsConfig(stack.upstream.url));
    // Health probes off unless a test turns them on: these tests are about the request path.
    await stack.gateway.start({
      LLM_ROUTER_MODELS_CONFIG: config,
      LLM_ROUTER_EXTERNAL_TIMEOUT: '1',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
      ...(typeof env === 'function' ? await env() : env),
    });
  });
  after(async () => {
    await stack.gateway.stop();
    await stack.upstream.stop();
  });
  return stack;
}

export const WEATHER_TOOL_OPENAI = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
