import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP round-robin in front of several servers on 127.0.0.1, as a Kubernetes Service or a plain load
 * balancer: each connection goes to the next backend; one that refuses the connection (a dead replica) is
 * skipped for the next. It counts the connections open to each backend, which are the requests in flight there
 * when clients open one connection per request.
 */
export class RoundRobin {
  private server: Server | undefined;
  private next = 0;
  private readonly open: number[];
  private readonly total: number[];
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(private readonly backends: readonly (() => string)[]) {
    this.open = backends.map(() => 0);
    this.total = backends.map(() => 0);
  }

  /** Connections open to backend i right now. */
  active(i: number): number {
    return this.open[i]!;
  }

  /** Connections backend i has accepted so far. */
  accepted(i: number): number {
    return this.total[i]!;
  }

  async start(): Promise<this> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.once('close', () => this.sockets.delete(client));
      client.pause();
      this.route(client, 0);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  private route(client: Socket, tried: number): void {
    if (tried === this.backends.length) {
      client.destroy();
      return;
    }
    const i = this.next++ % this.backends.length;
    const { hostname, port } = new URL(this.backends[i]!());
    const upstream = connect(Number(port), hostname);
    this.sockets.add(upstream);
    upstream.once('close', () => this.sockets.delete(upstream));
    let connected = false;
    upstream.once('error', () => {
      if (!connected) this.route(client, tried + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      this.open[i]!++;
      this.total[i]!++;
      upstream.once('close', () => {
        this.open[i]!--;
        client.destroy();
      });
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
