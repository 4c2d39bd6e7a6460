import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { loadSettings } from '../../../core/config/settings.js';
import { createHttpServer } from '../../../core/server/http-server.js';

describe('the HTTP server', () => {
  it("builds each request and response with the app's prototypes, and Express works on them as before", async () => {
    const app = express();
    app.use(express.json());
    app.post('/echo', (req, res) => {
      res
        .status(201)
        .set('x-seen', req.get('x-probe') ?? '')
        .json({ got: req.body });
    });
    const server = createHttpServer(app, loadSettings({}));
    // Seen before Express touches them: an object made with another prototype is swapped by Express, and each
    // swapped object gets a map of its own in V8 (every property read on it then misses its cache).
    const made: boolean[] = [];
    server.prependListener('request', (req, res) =>
      made.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
      const answers = await Promise.all(
        [1, 2, 3].map((n) =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-probe': `p${n}` },
            body: JSON.stringify({ n }),
          }),
        ),
      );
      for (const [i, res] of answers.entries()) {
        assert.equal(res.status, 201);
        assert.equal(res.headers.get('x-seen'), `p${i + 1}`);
        assert.deepEqual(await res.json(), { got: { n: i + 1 } });
      }
      assert.deepEqual(made, [true, true, true]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
