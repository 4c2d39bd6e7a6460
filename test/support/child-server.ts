import { type ChildProcess, spawn } from 'node:child_process';

const LISTENING = /listening on (http:\/\/[\d.]+:\d+)/;

/** A server of this project run as a real process, ready once it prints the URL it listens on. */
export class ChildServer {
  private child: ChildProcess | null = null;
  output = '';
  url = '';

  constructor(
    private readonly script: string,
    private readonly what: string,
    private readonly startTimeoutMs: number,
  ) {}

  async start(env: Record<string, string>): Promise<this> {
    const child = spawn(process.execPath, [this.script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.what} did not start:\n${this.output}`)),
        this.startTimeoutMs,
      );
      child.stdout!.on('data', () => {
        const m = LISTENING.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.what} exited with ${code}:\n${this.output}`));
      });
    });
    return this;
  }

  /** Sends `signal` and returns at once; `exited()` says how the process then ended. */
  signal(signal: NodeJS.Signals): void {
    this.child?.removeAllListeners('exit');
    this.child?.kill(signal);
  }

  /** The exit code (or signal) once the process has ended. */
  exited(): Promise<number | string> {
    const child = this.child;
    if (!child) return Promise.reject(new Error(`${this.what} was never started`));
    if (child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve(child.exitCode ?? child.signalCode!);
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  }

  /** Dies at once, as a crashed process would (no cleanup). */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }
}

/** Runs a server expecting it to refuse to start; returns its exit code and output. */
export function runExpectingExit(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
