import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fault backend does to every chat request until told otherwise. */
export type Fault =
  | 'redirect'
  | 'accepted'
  | 'html-stream'
  | 'empty-stream'
  | 'done-only'
  | 'error-first'
  | 'no-end'
  | 'stall'
  | 'huge'
  | 'limit-once'
  | 'error-once'
  | 'error-mid'
  | 'one-then-cut'
  | 'one-then-junk';

const SECRET = 'fault-backend-secret-token';

/**
 * A backend that misbehaves on purpose, for every provider family (its path tells it which): redirects, 202s,
 * HTML where a stream should be, empty streams, an error as the first event, streams cut without their end,
 * headers and then silence, answers larger than any limit. Bound to 127.0.0.1, stopped by the test.
 */
export class FaultUpstream {
  fault: Fault = 'redirect';
  calls = 0;
  /** The once-faults have happened (reset it to have them happen again). */
  onceDone = false;
  private server: Server | null = null;
  private readonly open = new Set<ServerResponse>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    let raw = '';
    for await (const c of req) raw += c;
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    const stream = body['stream'] === true || (req.url === '/api/chat' && body['stream'] === undefined);
    const family = req.url === '/v1/messages' ? 'anthropic' : req.url === '/api/chat' ? 'ollama' : 'openai';
    this.calls++;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    };
    const streamType = family === 'ollama' ? 'application/x-ndjson' : 'text/event-stream';
    switch (this.fault) {
      case 'limit-once':
      case 'error-once':
        if (this.onceDone) return okAnswer(res, stream);
        this.onceDone = true;
        if (this.fault === 'error-once') return json(503, { error: { message: 'warming up' } });
        return json(429, { error: { message: 'slow down' } }, { 'retry-after': '1' });
      case 'redirect':
        return json(302, { echoed_token: SECRET }, { location: 'http://127.0.0.1:9/elsewhere' });
      case 'accepted':
        return json(202, { status: 'queued', echoed_token: SECRET });
      case 'huge':
        if (stream) {
          // A first event, then one of 200,000 characters (more than the tests' answer limit).
          res.writeHead(200, { 'content-type': streamType });
          return void res.end(`${firstFrame(family)}${hugeFrame(family)}${successfulEnd(family)}`);
        }
        return json(200, { choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(200_000) } }] });
      case 'html-stream':
        if (!stream) break;
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body>Traceback (most recent call last)</body></html>');
      case 'empty-stream':
        if (!stream) break;
        res.writeHead(200, { 'content-type': streamType }).end();
        return;
      case 'done-only':
        if (!stream) break;
        res.writeHead(200, { 'content-type': streamType }).end('data: [DONE]\n\n');
        return;
      case 'error-first':
        if (!stream) break;
        res.writeHead(200, { 'content-type': streamType });
        return void res.end(
          family === 'ollama'
            ? '{"error":"model is loading"}\n'
            : family === 'anthropic'
              ? 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n'
              : 'data: {"error":{"message":"model is loading"}}\n\n',
        );
      case 'error-mid': {
        // An error in OpenAI's shape, in every family (llama.cpp sends it so on its Anthropic endpoint too), and
        // then an ending that looks like success.
        if (!stream) break;
        const error = {
          error: {
            code: 500,
            message: `worker gpu-7.internal.corp:9000 crashed reading /srv/models/x (key ${SECRET})`,
            type: 'server_error',
          },
        };
        res.writeHead(200, { 'content-type': streamType });
        return void res.end(
          family === 'ollama'
            ? `${cutFrames(family)}${JSON.stringify({ error: error.error.message })}\n${successfulEnd(family)}`
            : `${cutFrames(family)}data: ${JSON.stringify(error)}\n\n${successfulEnd(family)}`,
        );
      }
      case 'no-end':
        if (!stream) break;
        res.writeHead(200, { 'content-type': streamType });
        return void res.end(cutFrames(family));
      case 'one-then-cut':
      case 'one-then-junk': {
        // One event, then, a moment later, the connection drops or a line that is not an event comes.
        if (!stream) break;
        res.writeHead(200, { 'content-type': streamType });
        res.write(firstFrame(family));
        const later = this.fault;
        return void setTimeout(() => {
          if (later === 'one-then-cut') req.socket.destroy();
          else res.end(family === 'ollama' ? 'oops, not JSON\n' : 'data: {not json\n\n');
        }, 30);
      }
      case 'stall':
        res.writeHead(200, { 'content-type': stream ? streamType : 'application/json' });
        res.flushHeaders();
        this.open.add(res);
        return; // and nothing more
    }
    json(500, { error: { message: `the fault ${this.fault} has no ${stream ? 'streamed' : 'whole'} form` } });
  }
}

/** A short, complete OpenAI answer, whole or streamed. */
function okAnswer(res: ServerResponse, stream: boolean): void {
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'c1',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [{ index: 0, message: { role: 'assistant', content: 'second time lucky' }, finish_reason: 'stop' }],
      }),
    );
    return;
  }
  const chunk = (delta: unknown, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res
    .writeHead(200, { 'content-type': 'text/event-stream' })
    .end(`${chunk({ role: 'assistant', content: 'second time lucky' }, null)}${chunk({}, 'stop')}data: [DONE]\n\n`);
}

/** An event of the answer's text, 200,000 characters of it. */
function hugeFrame(family: 'openai' | 'anthropic' | 'ollama'): string {
  const text = 'x'.repeat(200_000);
  if (family === 'ollama')
    return `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: text }, done: false })}\n`;
  if (family === 'anthropic')
    return `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })}\n\n`;
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`;
}

/** The first event of an answer in each family. */
function firstFrame(family: 'openai' | 'anthropic' | 'ollama'): string {
  if (family === 'ollama')
    return `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content: 'Half ' }, done: false })}\n`;
  if (family === 'anthropic')
    return 'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"usage":{"input_tokens":3,"output_tokens":0}}}\n\n';
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Half ' }, finish_reason: null }] })}\n\n`;
}

/**
 * The start of an answer in each family (two events at least: the gateway holds a stream until its second event,
 * and these are faults after the answer began), and then the connection closes cleanly, without the end event.
 */
function cutFrames(family: 'openai' | 'anthropic' | 'ollama'): string {
  if (family === 'ollama')
    return ['Half ', 'an ']
      .map(
        (content) =>
          `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content }, done: false })}\n`,
      )
      .join('');
  if (family === 'anthropic')
    return [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"usage":{"input_tokens":3,"output_tokens":0}}}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half an "}}\n\n',
    ].join('');
  const chunk = (delta: unknown) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
  return chunk({ role: 'assistant', content: '' }) + chunk({ content: 'Half an ' });
}

/** The events that end a stream as a success. */
function successfulEnd(family: 'openai' | 'anthropic' | 'ollama'): string {
  if (family === 'ollama') return `${JSON.stringify({ model: 'm', done: true, done_reason: 'stop' })}\n`;
  if (family === 'anthropic')
    return [
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join('');
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
}

export const FAULT_SECRET = SECRET;
