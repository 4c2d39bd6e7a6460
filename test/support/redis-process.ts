import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { until } from './until.js';

/** A Redis of the test's own (Debian's redis-server) on a free 127.0.0.1 port, keeping nothing on disk. */
export class RedisProcess {
  private child: ChildProcess | null = null;
  port = 0;

  /** Starts on a free port, or on `port` (to come back where it was after `stop`). */
  async start(port = 0): Promise<this> {
    this.port = port || (await freePort());
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await until('redis-server to answer', () => this.ping());
    return this;
  }

  /** Makes every client's commands wait, as a stuck or overloaded Redis does. */
  async pause(ms: number): Promise<void> {
    const c = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true });
    await c.connect();
    await c.call('CLIENT', 'PAUSE', String(ms), 'ALL');
    c.disconnect();
  }

  /** Stops the process itself (SIGSTOP): connections stay open and nothing answers, as a hung host does. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  private async ping(): Promise<boolean> {
    const c = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    c.on('error', () => {});
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      c.disconnect();
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
