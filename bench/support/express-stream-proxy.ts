// A second reference for the streaming benchmark: the bare proxy's work behind Express 5 and its JSON body
// parser, as any Express gateway has it (the body parsed and sent on again). What Express itself costs here.
import express from 'express';
import { Agent, request } from 'undici';

const upstream = new URL(process.env['UPSTREAM_URL'] ?? '');
const dispatcher = new Agent({ connections: null, keepAliveTimeout: 60_000 });

const app = express();
app.use(express.json({ limit: '10mb' }));
app.post('/v1/chat/completions', async (req, res) => {
  const answer = await request(new URL('/v1/chat/completions', upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req.body),
    dispatcher,
  });
  res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? '') });
  for await (const c of answer.body) res.write(c);
  res.end();
});
const server = app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
server.keepAliveTimeout = 60_000;
