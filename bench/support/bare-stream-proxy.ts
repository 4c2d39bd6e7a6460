// Reference for the streaming benchmark: node:http in, undici out with no connection limit, the stream piped
// through as it comes. What this machine allows any Node gateway.
import { createServer } from 'node:http';
import { Agent, request } from 'undici';

const upstream = new URL(process.env['UPSTREAM_URL'] ?? '');
const dispatcher = new Agent({ connections: null, keepAliveTimeout: 60_000 });

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const answer = await request(new URL('/v1/chat/completions', upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat(chunks),
    dispatcher,
  });
  res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? '') });
  for await (const c of answer.body) res.write(c);
  res.end();
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
