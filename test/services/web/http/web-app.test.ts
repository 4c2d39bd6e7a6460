import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { LoginThrottle } from '../../../../services/web/auth/login-throttle.js';
import { Sessions } from '../../../../services/web/auth/sessions.js';
import { ConfigStore } from '../../../../services/web/configs/config-store.js';
import type { Database } from '../../../../services/web/db/database.js';
import { GatewayClient } from '../../../../services/web/gateway/gateway-client.js';
import { webApp } from '../../../../services/web/http/web-app.js';
import { loadWebSettings } from '../../../../services/web/web-settings.js';

const SECRET = 'anna.kowalska@example.com';

/** A database that fails every query with a message quoting a row, as a driver's constraint error does. */
const failing: Database = {
  kind: 'sqlite',
  all: () => Promise.reject(new Error(`UNIQUE constraint failed: users.username = ${SECRET}`)),
  get: () => Promise.reject(new Error(`UNIQUE constraint failed: users.username = ${SECRET}`)),
  run: () => Promise.reject(new Error(`UNIQUE constraint failed: users.username = ${SECRET}`)),
  transaction: (work) => work(failing),
  close: async () => {},
};

describe('the web service on an internal error', () => {
  it('answers 500 without the error, and logs where it failed but not the message (it may quote a row)', async () => {
    const settings = loadWebSettings({});
    const app = webApp({
      settings,
      db: failing,
      sessions: new Sessions(failing, 1000),
      throttle: new LoginThrottle(failing, 5, 1000),
      configs: new ConfigStore(failing),
      gateway: new GatewayClient('http://127.0.0.1:1', '', ''),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/login`);
      assert.equal(res.status, 500);
      assert.doesNotMatch(await res.text(), /anna|UNIQUE/);
    } finally {
      console.error = original;
      server.close();
    }
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^web: GET \/login: Error\n\s+at /);
    assert.ok(!logged[0]!.includes(SECRET), logged[0]);
  });
});
