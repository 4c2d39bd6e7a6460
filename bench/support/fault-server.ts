// A fault backend for the failover benchmark (OpenAI protocol): `POST /__fault {"fault": "..."}` picks what every
// chat request gets until the next one; FAULT sets the first. The scenarios are failoverbench's, written anew.
import { createServer, type ServerResponse } from 'node:http';

const TEXT = 'Warsaw is the capital.';
let fault = process.env['FAULT'] ?? 'ok';
let calls = 0;

const chunk = (delta: unknown, finish: string | null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const FIRST = chunk({ role: 'assistant', content: 'Warsaw ' }, null);
const REST = chunk({ content: 'is the capital.' }, null) + chunk({}, 'stop');
const WHOLE = JSON.stringify({
  id: 'c',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: TEXT }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
});

function answer(res: ServerResponse, stream: boolean, done = true): void {
  if (!stream) return void res.writeHead(200, { 'content-type': 'application/json' }).end(WHOLE);
  res.writeHead(200, { 'content-type': 'text/event-stream' }).end(FIRST + REST + (done ? 'data: [DONE]\n\n' : ''));
}
const error = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    if (req.url === '/__fault') {
      fault = (JSON.parse(raw) as { fault: string }).fault;
      calls = 0;
      return void res.end('{}');
    }
    if (req.method === 'GET') return void res.end('{"data":[]}');
    const stream = (JSON.parse(raw || '{}') as { stream?: boolean }).stream === true;
    calls++;
    switch (fault) {
      case '429ra':
        return error(res, 429, { error: { message: 'rate limited' } }, { 'retry-after': '1' });
      case '429':
        return error(res, 429, { error: { message: 'rate limited' } });
      case '500once':
        return calls === 1 ? error(res, 500, { error: { message: 'oops' } }) : answer(res, stream);
      case '503':
        return error(res, 503, { error: { message: 'unavailable' } });
      case 'flap':
        return calls % 2 === 1 ? error(res, 503, { error: { message: 'unavailable' } }) : answer(res, stream);
      case 'reset':
        return void req.socket.destroy();
      case 'noresponse':
        return;
      case 'slowfirst':
        res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        res.flushHeaders();
        return void setTimeout(() => res.end(stream ? `${FIRST}${REST}data: [DONE]\n\n` : WHOLE), 3000);
      case 'cut':
        res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        res.write(stream ? FIRST : WHOLE.slice(0, 40));
        return void setTimeout(() => req.socket.destroy(), 50);
      case 'stall':
        res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        return void res.write(stream ? FIRST : WHOLE.slice(0, 40));
      case 'malformed':
        if (!stream) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [');
        return void res
          .writeHead(200, { 'content-type': 'text/event-stream' })
          .end(`${FIRST}data: {not json\n\n${REST}data: [DONE]\n\n`);
      case 'nodone':
        return answer(res, stream, false);
      case 'ctx400':
        return error(res, 400, {
          error: {
            message: "This model's maximum context length is 4096 tokens",
            type: 'invalid_request_error',
            code: 'context_length_exceeded',
          },
        });
      case 'filter400':
        return error(res, 400, {
          error: { message: 'The response was filtered', type: 'invalid_request_error', code: 'content_filter' },
        });
      default:
        return answer(res, stream);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1' }, () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
