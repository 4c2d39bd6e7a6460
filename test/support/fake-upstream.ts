import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { anthropic, type Frames, ollama, openai, responses } from './fake-protocols.js';
import { behaviourOf } from './fake-replies.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Json;
  /** True when the gateway hung up before the fake finished answering. */
  closedEarly: boolean;
  /** True once the fake wrote its whole answer. */
  finished: boolean;
}

/** One HTTP server on 127.0.0.1 that speaks the OpenAI, Anthropic and Ollama provider protocols. */
/** A barrier the fake's answers wait at while it is closed. */
class Gate {
  waiting: Promise<void> | null = null;

  /** Closes the gate; the returned function opens it again. */
  close(): () => void {
    let open = () => {};
    this.waiting = new Promise<void>((r) => (open = r));
    return () => {
      this.waiting = null;
      open();
    };
  }
}

export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  /** Health probes (GETs) are counted here, not in `requests`. */
  probes = 0;
  /** Requests being answered right now, and the most at once (one-at-a-time backends must never exceed 1). */
  active = 0;
  maxActive = 0;
  /** How long each chat answer takes (to hold providers busy under load). */
  delayMs = 0;
  private readonly held = new Gate();
  private readonly paused = new Gate();
  private readonly trickling = new Gate();
  private readonly probesHung = new Gate();
  /** Streams that wrote their first frame and now wait in a pause. */
  pausedStreams = 0;
  private server: Server | null = null;

  /** Holds every chat request from now on until the returned function is called (to keep connections busy). */
  hold(): () => void {
    return this.held.close();
  }

  /** Streams from now on stop after their first frame until the returned function is called (answers in flight). */
  pauseStreams(): () => void {
    return this.paused.close();
  }

  /**
   * Streams from now on send an SSE comment every 100 ms after their first frame until the returned function is
   * called: an answer still coming, slowly.
   */
  trickle(): () => void {
    return this.trickling.close();
  }

  /** Health probes from now on get no answer until the returned function is called. */
  hangProbes(): () => void {
    return this.probesHung.close();
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Listens on 127.0.0.1 (on `port` to come back where it was after `stop`). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  last(): RecordedRequest {
    const r = this.requests[this.requests.length - 1];
    if (!r) throw new Error('the fake upstream received no request');
    return r;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') {
      this.probes++;
      if (this.probesHung.waiting) await this.probesHung.waiting;
      return json(res, 200, req.url === '/api/tags' ? { models: [] } : { object: 'list', data: [] });
    }
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    res.once('close', () => this.active--);
    let raw = '';
    for await (const c of req) raw += c;
    const body = (raw ? JSON.parse(raw) : {}) as Json;
    const record: RecordedRequest = {
      path: req.url ?? '',
      headers: req.headers,
      body,
      closedEarly: false,
      finished: false,
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    res.on('finish', () => (record.finished = true));

    const behaviour = behaviourOf(body['model']);
    if (this.held.waiting) await this.held.waiting;
    if (this.delayMs) await sleep(this.delayMs);
    if (behaviour === 'slow') await sleep(3000);
    if (behaviour === 'reject')
      return json(res, 400, {
        error: { message: 'max_tokens is too large for http://10.1.2.3:9000', type: 'invalid_request_error' },
      });
    if (behaviour === 'toolong') return json(res, 400, contextExceeded(req.url ?? '', String(body['model'])));
    if (behaviour === 'ratelimit') {
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' })
        .end(JSON.stringify({ error: { message: 'slow down' } }));
      return;
    }
    if (behaviour === 'explode') return json(res, 500, { error: { message: 'CUDA out of memory' } });
    if (behaviour === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>');
      return;
    }

    const stream = body['stream'] === true || (req.url === '/api/chat' && body['stream'] === undefined);
    const answer = route(req.url ?? '', body, stream);
    if (!answer) return json(res, 404, { error: { message: `no route ${req.url}` } });
    if (isFrames(answer)) await this.stream(res, answer, behaviour);
    else json(res, 200, answer);
  }

  private async stream(res: ServerResponse, answer: Frames, behaviour: string): Promise<void> {
    res.writeHead(200, { 'content-type': answer.contentType });
    for (const [i, frame] of answer.frames.entries()) {
      if (res.destroyed) return;
      if (behaviour === 'cut' && i === 2) {
        await sleep(50); // let the first frames reach the wire: this models a provider dying mid-answer
        res.socket?.destroy();
        return;
      }
      res.write(frame);
      if (i === 0 && this.paused.waiting) {
        this.pausedStreams++;
        await this.paused.waiting;
        this.pausedStreams--;
      }
      if (i === 0 && this.trickling.waiting) {
        const until = this.trickling.waiting;
        let going = true;
        void until.then(() => (going = false));
        while (going && !res.destroyed) {
          res.write(': still thinking\n\n');
          await sleep(100);
        }
      }
      if (behaviour === 'dribble') await sleep(200);
    }
    res.end();
  }
}

function route(path: string, body: Json, stream: boolean): Json | Frames | null {
  switch (path) {
    case '/v1/chat/completions':
      return stream ? openai.chatStream(body) : openai.chat(body);
    case '/v1/responses':
      return stream ? responses.stream(body) : responses.create(body);
    case '/v1/embeddings':
      return openai.embeddings(body);
    case '/v1/messages':
      return stream ? anthropic.messagesStream(body) : anthropic.messages(body);
    case '/api/chat':
      return stream ? ollama.chatStream(body) : ollama.chat(body);
    case '/api/embed':
      return ollama.embed(body);
    default:
      return null;
  }
}

/** "The prompt does not fit", as each backend says it. */
function contextExceeded(path: string, model: string): Json {
  if (path === '/v1/messages')
    return {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'prompt is too long: 5000 tokens > 4096' },
    };
  if (path.startsWith('/api/')) return { error: 'the input length exceeds the context length' };
  if (model.includes('llama.cpp'))
    return {
      error: {
        code: 400,
        message: 'the request exceeds the available context size',
        type: 'exceed_context_size_error',
      },
    };
  return {
    error: {
      message: "This model's maximum context length is 4096 tokens",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    },
  };
}

const isFrames = (a: Json | Frames): a is Frames => Array.isArray((a as Frames).frames);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
