import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { Agent } from 'undici';
import { authCli, newKey } from '../support/auth-cli.js';
import { FakeUpstream } from '../support/fake-upstream.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { load, poolConfig } from '../support/load.js';
import { redisPrefix } from '../support/redis-prefix.js';
import { RoundRobin } from '../support/round-robin.js';
import { until } from '../support/until.js';

// Scale-out without Kubernetes: three gateway processes behind a TCP round-robin (what a Service does), sharing
// the real Redis, one of them killed (SIGKILL, no drain) while requests flow.
describe('three gateways behind a round-robin, one killed under load', () => {
  const redis = redisPrefix();
  const upstreams = [new FakeUpstream(), new FakeUpstream(), new FakeUpstream()];
  const gateways = [new GatewayProcess(), new GatewayProcess(), new GatewayProcess()];
  const balancer = new RoundRobin(gateways.map((g) => () => g.url));
  const VICTIM = 1;
  // API keys in Redis: their usage and limits are the state the replicas share besides the leases.
  const keys = { ...redis.env, LLM_ROUTER_AUTH_KEY_STORE: 'redis' };
  let loadKey = { key: '', id: '' };
  let limited = { key: '', id: '' };

  before(async () => {
    await Promise.all(upstreams.map((u) => u.start()));
    loadKey = await newKey(keys, '--name', 'load');
    limited = await newKey(keys, '--name', 'limited', '--rpm', '5');
    for (const u of upstreams) u.delayMs = 40;
    const env = {
      ...keys,
      LLM_ROUTER_AUTH_ENABLED: '1',
      LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(
        poolConfig(
          'm',
          upstreams.map((u) => u.url),
        ),
      ),
      // One request per provider at a time, across the three gateways: the shared leases are what is checked.
      LLM_ROUTER_BALANCE_STRATEGY: 'first_available',
      LLM_ROUTER_PROVIDER_LEASE_TTL_SECONDS: '2',
      LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '30',
      LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    };
    await Promise.all(gateways.map((g) => g.start(env)));
    await balancer.start();
  });
  after(async () => {
    await balancer.stop();
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(upstreams.map((u) => u.stop()));
    await redis.clean();
  });

  it('fails only what was on the dead replica, and the others keep the shared leases right', async () => {
    // One connection per request (no keep-alive), so a connection open to a replica is a request in flight there.
    const client = new OpenAI({
      baseURL: `${balancer.url}/v1`,
      apiKey: loadKey.key,
      maxRetries: 0,
      fetchOptions: { dispatcher: new Agent({ pipelining: 0 }) },
    });
    const ask = () => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
    let answered = 0;
    let onVictimAtKill = -1;
    let acceptedAtKill = 0;
    let killed: Promise<void> | undefined;
    const results = await load(150, 9, async () => {
      try {
        const answer = await ask();
        assert.ok(answer.choices[0]?.message.content);
        if (++answered === 40 && killed === undefined) {
          onVictimAtKill = balancer.active(VICTIM);
          acceptedAtKill = balancer.accepted(VICTIM);
          killed = gateways[VICTIM]!.kill();
        }
        return null;
      } catch (error) {
        return error;
      }
    });
    await killed;
    const failures = results.filter((r) => r !== null);
    // What reached the victim from the kill on (in flight then, or accepted while it was dying) may fail, as a
    // broken connection; nothing else may fail, and nothing fails as an HTTP error.
    const exposed = onVictimAtKill + (balancer.accepted(VICTIM) - acceptedAtKill);
    assert.ok(failures.length <= exposed, `${failures.length} failed, ${exposed} were on the killed replica`);
    for (const f of failures) assert.ok(f instanceof OpenAI.APIConnectionError, String(f));
    assert.ok(
      upstreams.every((u) => u.maxActive === 1),
      `a provider served two requests at once: ${upstreams.map((u) => u.maxActive)}`,
    );

    // The dead replica's leases lapse (their TTL), and the two left serve everything, still one at a time.
    const later = await load(30, 6, async () => (await ask()).choices.length);
    assert.deepEqual([...new Set(later)], [1]);
    assert.ok(upstreams.every((u) => u.maxActive === 1));

    // Usage in Redis counts every answer the live replicas gave, and at most what the dead one was given.
    const served = results.length - failures.length + later.length;
    const requests = async () => JSON.parse((await authCli(keys, 'usage', 'key', loadKey.id)).join('\n')).requests;
    await until('every answer to be counted', async () => (await requests()) >= served);
    assert.ok((await requests()) <= served + exposed, `${await requests()} counted for ${served} answers`);

    // A key's requests-per-minute limit holds across the replicas that are left: five pass, the sixth is refused.
    const strict = new OpenAI({
      baseURL: `${balancer.url}/v1`,
      apiKey: limited.key,
      maxRetries: 0,
      fetchOptions: { dispatcher: new Agent({ pipelining: 0 }) },
    });
    const once = () => strict.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
    for (let i = 0; i < 5; i++) assert.ok((await once()).choices[0]);
    const refused = await once().catch((e: unknown) => e);
    assert.ok(refused instanceof OpenAI.RateLimitError, String(refused));
  });
});
