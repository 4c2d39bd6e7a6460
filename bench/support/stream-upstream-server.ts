// A streaming OpenAI-compatible backend for the benchmark: every chat request gets DELTAS content chunks,
// DELTA_MS apart, then a finish chunk and [DONE].
import { createServer } from 'node:http';

const DELTAS = Number(process.env['DELTAS'] ?? 64);
const DELTA_MS = Number(process.env['DELTA_MS'] ?? 20);
const chunk = (delta: unknown, finish: string | null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const PIECE = chunk({ content: 'word ' }, null);
const LAST = `${chunk({}, 'stop')}data: [DONE]\n\n`;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunk({ role: 'assistant', content: '' }, null));
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(PIECE);
      if (++sent === DELTAS) {
        clearInterval(timer);
        res.end(LAST);
      }
    }, DELTA_MS);
  });
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
