import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { GatewayProcess } from '../support/gateway-process.js';
import { rejection } from '../support/rejection.js';

// Tokens no pattern would take for a key: only their exact values can find them.
const TOKEN = 'tok.live.9f8e7d6c5b4a';
const OTHER = 'other-provider-credential-77';

/** A backend that echoes the token it was given back in its errors, as some APIs do. */
function echoingBackend(): Server {
  return createServer((req, res) => {
    req.resume();
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const status = req.url?.includes('/v1/') ? 401 : 500;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Invalid API key provided: ${token}; also ${OTHER}` } }));
  });
}

let backend: Server;
let gw: GatewayProcess;
before(async () => {
  backend = echoingBackend().listen(0, '127.0.0.1');
  await once(backend, 'listening');
  const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  const provider = (id: string, path: string, token: string) => ({
    id,
    api_host: `${url}${path}`,
    api_type: 'openai',
    api_token: token,
  });
  const config = {
    g: {
      rejected: { providers: [provider('p-401', '', TOKEN)] },
      failing: { providers: [provider('p-500', '/other', TOKEN)] },
      second: { providers: [provider('p-other', '', OTHER)] },
    },
    active_models: { g: ['rejected', 'failing', 'second'] },
  };
  gw = await new GatewayProcess().start({
    LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(config),
    LLM_ROUTER_LOG_LEVEL: 'debug',
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
  });
});
after(async () => {
  await gw.stop();
  backend.close();
});

describe('provider tokens', () => {
  it('never reach the client or the log, whatever their form, when a backend echoes them', async () => {
    const openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'client-key', maxRetries: 0 });
    for (const model of ['rejected', 'failing']) {
      const err = await rejection(
        openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] }),
      );
      const shown = JSON.stringify(err.error ?? err.message);
      assert.match(shown, /Invalid API key provided/, `${model}: the provider's message is kept`);
      assert.ok(!shown.includes(TOKEN) && !shown.includes(OTHER), `${model}: ${shown}`);
    }
    assert.match(gw.output, /Invalid API key provided: <key>/, 'the log shows the error without the token');
    assert.ok(!gw.output.includes(TOKEN), 'the token is in no log line');
    assert.ok(!gw.output.includes(OTHER), "another provider's token is in no log line either");
  });
});
