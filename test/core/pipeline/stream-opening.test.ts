import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { EventCheck } from '../../../core/pipeline/event-check.js';
import type { StreamFormat } from '../../../core/pipeline/stream-events.js';
import { openStream } from '../../../core/pipeline/stream-opening.js';
import type { UpstreamResponse } from '../../../core/providers/upstream-client.js';

const body = (...parts: string[]) =>
  Readable.from(parts.map((p) => Buffer.from(p))) as unknown as UpstreamResponse['body'];
/** The bytes a pass-through relay forwards: each chunk's clean part, then the check's fault or its verdict at the end. */
async function* checkEvents(
  stream: AsyncIterable<Buffer>,
  format: StreamFormat,
  providerId: string,
  maxLine = 1 << 20,
) {
  const check = new EventCheck(format, providerId, maxLine);
  for await (const bytes of stream) {
    const clean = check.push(bytes);
    if (clean > 0) yield bytes.subarray(0, clean);
    if (check.fault) throw check.fault;
  }
  check.end();
}
const drain = async (s: AsyncIterable<Buffer>) => {
  const out: Buffer[] = [];
  for await (const b of s) out.push(b);
  return Buffer.concat(out).toString();
};

describe('the start of a provider stream', () => {
  it('passes a stream that starts with an event, replaying what was read (comments and event lines first too)', async () => {
    const parts = [
      ': keep-alive\n',
      'event: message_start\nda',
      'ta: {"type":"message_start"}\n\n',
      'data: [DONE]\n\n',
    ];
    const s = await openStream(body(...parts), 'text/event-stream; charset=utf-8', 'sse', 'p', 0);
    assert.equal(await drain(s), parts.join(''));
    const nullError = 'data: {"error":null,"choices":[{"delta":{"content":"a"}}]}\n\n';
    assert.equal(await drain(await openStream(body(nullError), 'text/event-stream', 'sse', 'p', 0)), nullError);
    const lines = await openStream(
      body('{"message":{"content":"x"},"done":false}\n'),
      'application/x-ndjson',
      'ndjson',
      'p',
      0,
    );
    assert.match(await drain(lines), /"done":false/);
  });

  for (const [name, ct, parts, code] of [
    ['a wrong content type', 'text/html', ['<html></html>'], 'upstream_bad_response'],
    ['an HTML page sent as a stream', 'text/event-stream', ['<!DOCTYPE html><html>'], 'upstream_bad_response'],
    ['gzip bytes', 'text/event-stream', ['\u001f\u008b\u0008\u0000'], 'upstream_bad_response'],
    ['an empty body', 'text/event-stream', [], 'upstream_bad_response'],
    ['a lone [DONE]', 'text/event-stream', ['data: [DONE]\n\n'], 'upstream_bad_response'],
    [
      'an error as the first event',
      'text/event-stream',
      ['data: {"error":{"message":"loading"}}\n\n'],
      'upstream_stream_error',
    ],
    ['an Ollama error line', 'application/x-ndjson', ['{"error":"model not found"}\n'], 'upstream_stream_error'],
  ] as const) {
    it(`refuses ${name} before the client sees anything`, async () => {
      const format = ct === 'application/x-ndjson' ? 'ndjson' : 'sse';
      await assert.rejects(openStream(body(...parts), ct, format, 'p', 0), (e: { code?: string }) => e.code === code);
    });
  }

  it('gives up on a stream whose first event does not come in time', async () => {
    const silent = new Readable({ read() {} }) as unknown as UpstreamResponse['body'];
    await assert.rejects(
      openStream(silent, 'text/event-stream', 'sse', 'p', 30),
      (e: { code?: string }) => e.code === 'upstream_timeout',
    );
  });
});

describe('a provider stream held until its second event', () => {
  const FIRST = 'data: {"choices":[{"delta":{"role":"assistant","content":"Warsaw "}}]}\n\n';
  const SECOND = 'data: {"choices":[{"delta":{"content":"is the capital."},"finish_reason":"stop"}]}\n\n';
  /** A body whose chunks come when the test pushes them, and that may break. */
  const live = () => {
    const r = new Readable({ read() {} });
    return { r, body: r as unknown as UpstreamResponse['body'] };
  };

  it('fails over when the provider breaks off, sends an unreadable event or ends without its end event', async () => {
    const cut = live();
    const opening = openStream(cut.body, 'text/event-stream', 'sse', 'p', 0, 10_000);
    cut.r.push(FIRST);
    setImmediate(() => cut.r.destroy(new Error('socket hang up')));
    await assert.rejects(opening, (e: { code?: string }) => e.code === 'upstream_stream_error');
    await assert.rejects(
      openStream(body(FIRST, 'data: {not json\n\n', SECOND), 'text/event-stream', 'sse', 'p', 0, 10_000),
      (e: { code?: string }) => e.code === 'upstream_stream_error',
    );
    await assert.rejects(
      openStream(body(FIRST), 'text/event-stream', 'sse', 'p', 0, 10_000),
      (e: { code?: string }) => e.code === 'upstream_stream_error',
    );
  });

  it('passes the stream on whole once its second event or its end has come', async () => {
    const parts = [FIRST, SECOND, 'data: [DONE]\n\n'];
    assert.equal(
      await drain(await openStream(body(...parts), 'text/event-stream', 'sse', 'p', 0, 10_000)),
      parts.join(''),
    );
    const lines = ['{"message":{"content":"a"},"done":false}\n', '{"message":{"content":"b"},"done":true}\n'];
    assert.equal(
      await drain(await openStream(body(...lines), 'application/x-ndjson', 'ndjson', 'p', 0, 10_000)),
      lines.join(''),
    );
  });

  it("stops holding at its bound: a provider that goes quiet after the first event is the relay's to judge", async () => {
    const quiet = live();
    const opening = openStream(quiet.body, 'text/event-stream', 'sse', 'p', 0, 30);
    quiet.r.push(FIRST);
    const stream = await opening;
    // What came in the meantime, and what comes later, reach the relay in order.
    quiet.r.push(SECOND);
    quiet.r.push('data: [DONE]\n\n');
    quiet.r.push(null);
    assert.equal(await drain(stream), `${FIRST}${SECOND}data: [DONE]\n\n`);
  });
});

describe('the end of a provider stream', () => {
  it('finds the end marker wherever the chunks split it, and fails a stream without one', async () => {
    const text = 'data: {"a":1}\n\ndata: [DONE]\n\n';
    for (let cut = 0; cut <= text.length; cut++)
      assert.equal(
        await drain(checkEvents(body(text.slice(0, cut), text.slice(cut)), 'sse', 'p')),
        text,
        `split at ${cut}`,
      );
    await assert.rejects(
      drain(checkEvents(body('data: {"a":1}\n\n'), 'sse', 'p')),
      (e: { code?: string }) => e.code === 'upstream_stream_error',
    );
    assert.ok(await drain(checkEvents(body('{"done": true}\n'), 'ndjson', 'p')));
    // A finish reason ends an answer too, when a server leaves out [DONE]; a null one does not.
    assert.ok(await drain(checkEvents(body('data: {"choices":[{"finish_reason":"stop"}]}\n\n'), 'sse', 'p')));
    await assert.rejects(drain(checkEvents(body('data: {"choices":[{"finish_reason":null}]}\n\n'), 'sse', 'p')));
  });

  it("takes each family's own end, not an answer's text that names one", async () => {
    const ends = [
      'data:[DONE]\n\n',
      'event: message_stop\ndata: {"type": "message_stop"}\n\n',
      'event: response.completed\ndata: {"type":"response.completed","response":{}}\n\n',
    ];
    for (const end of ends) assert.ok(await drain(checkEvents(body(`data: {"a":1}\n\n${end}`), 'sse', 'p')), end);
    assert.ok(
      await drain(checkEvents(body('{"done":false}\n', '{"done":true}'), 'ndjson', 'p')),
      'a last line unended',
    );
    const named = 'say data: [DONE], message_stop, response.completed and \\"finish_reason\\":\\"stop\\"';
    const cut = `data: {"choices":[{"delta":{"content":"${named}"},"finish_reason":null}]}\n\n`;
    const broke = (e: { code?: string; cause?: Error }) =>
      e.code === 'upstream_stream_error' && /without its end event/.test(String(e.cause?.message));
    await assert.rejects(drain(checkEvents(body(cut), 'sse', 'p')), broke);
    await assert.rejects(
      drain(checkEvents(body('{"message":{"content":"\\"done\\": true"},"done":false}\n'), 'ndjson', 'p')),
      broke,
    );
  });
});

describe("a provider's own error event in a pass-through stream", () => {
  it('is not forwarded as written: the stream stops there with the scrubbed message', async () => {
    const ok = 'data: {"choices":[{"delta":{"content":"He said \\"error\\" twice"}}]}\n\n';
    const bad = 'data: {"error":{"message":"worker gpu-7.internal.corp:9000 died, key sk-live-abcdef123456"}}\n\n';
    const seen: string[] = [];
    const err = await (async () => {
      for await (const b of checkEvents(body(ok, `${ok}${bad}`), 'sse', 'p')) seen.push(b.toString());
    })().catch((e: unknown) => e as { code: string; message: string });
    assert.deepEqual(seen, [ok, ok], 'what came before the error, including text that merely says "error"');
    assert.equal(err?.code, 'upstream_stream_error');
    assert.ok(!err.message.includes('gpu-7') && !err.message.includes('sk-live'), err.message);
    await assert.rejects(
      drain(checkEvents(body('{"error":"model unloaded at /srv/x/y"}\n'), 'ndjson', 'p')),
      /model unloaded/,
    );
    await assert.rejects(
      drain(checkEvents(body('event: error\ndata: {"type":"error","message":"boom"}\n\n'), 'sse', 'p')),
      /boom/,
    );
  });

  it('stops at an event that is not JSON, and follows events split across chunks', async () => {
    const ok = 'data: {"choices":[{"delta":{"content":"a"}}]}\n\n';
    const seen: string[] = [];
    const err = await (async () => {
      for await (const b of checkEvents(body(ok, 'data: {not js', 'on\n\n', ok), 'sse', 'p')) seen.push(b.toString());
    })().catch((e: unknown) => e as { code: string; message: string });
    assert.equal(err?.code, 'upstream_stream_error');
    assert.match(err.message, /not JSON/);
    assert.equal(seen[0], ok);
    assert.ok(!seen.join('').includes('on\n'), 'nothing after the bad event');
    const split = 'data: {"error":{"message":"late"}}\n\n';
    await assert.rejects(drain(checkEvents(body(ok, split.slice(0, 12), split.slice(12)), 'sse', 'p')), /late/);
  });

  it('forwards nothing of a bad line, nor of what follows it in the same chunk', async () => {
    const ok = 'data: {"choices":[{"delta":{"content":"a"}}]}\n\n';
    const bad = 'data: {"error":{"message":"boom"}}\n\n';
    for (const tail of ['', 'data: {"choices":[{"del', `${ok}data: [DONE]\n\n`]) {
      const seen: string[] = [];
      const err = await (async () => {
        for await (const b of checkEvents(body(ok, `${ok}${bad}${tail}`), 'sse', 'p')) seen.push(b.toString());
      })().catch((e: unknown) => e as Error);
      assert.match(String(err), /boom/);
      assert.deepEqual(seen, [ok, ok], `tail ${JSON.stringify(tail)}`);
    }
  });

  it('refuses a line longer than the answer limit; a long line within it passes whole', async () => {
    const piece = 'x'.repeat(1000);
    const long = () =>
      Readable.from([Buffer.from('data: {"a":"'), ...Array.from({ length: 3000 }, () => Buffer.from(piece))]);
    const seen: Buffer[] = [];
    const err = await (async () => {
      for await (const b of checkEvents(long(), 'sse', 'p', 100_000)) seen.push(b);
    })().catch((e: unknown) => e as Error);
    assert.match(String(err), /larger than 100000 bytes \(LLM_ROUTER_MAX_RESPONSE_BODY_SIZE\)/);
    assert.ok(Buffer.concat(seen).length <= 100_000, 'nothing past the limit went out');
    // Three megabytes in one line, in thousand-byte chunks, within the limit: passes whole.
    const whole = Readable.from([
      Buffer.from('data: {"a":"'),
      ...Array.from({ length: 3000 }, () => Buffer.from(piece)),
      Buffer.from('"}\n\ndata: [DONE]\n\n'),
    ]);
    assert.equal((await drain(checkEvents(whole, 'sse', 'p', 4_000_000))).length, 12 + 3_000_000 + 18);
  });

  it('reads UTF-8 split across chunks: text passes as sent, an error keeps its words', async () => {
    const text = 'data: {"choices":[{"delta":{"content":"zażółć gęślą jaźń"}}]}\n\ndata: [DONE]\n\n';
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut += 3) {
      const parts = [bytes.subarray(0, cut), bytes.subarray(cut)];
      const out = await drain(checkEvents(Readable.from(parts), 'sse', 'p'));
      assert.equal(out, text, `split at byte ${cut}`);
    }
    const error = Buffer.from('data: {"error":{"message":"błąd: model niedostępny"}}\n\n');
    const at = error.indexOf(0x82); // the second byte of "ł"
    await assert.rejects(
      drain(checkEvents(Readable.from([error.subarray(0, at), error.subarray(at)]), 'sse', 'p')),
      /błąd: model niedostępny/,
    );
    // A no-break space after an event is trimmed as JSON.parse would; the event passes.
    const nbsp = 'data: {"choices":[]}\u00a0\n\ndata: [DONE]\n\n';
    assert.equal(await drain(checkEvents(body(nbsp), 'sse', 'p')), nbsp);
  });
});
