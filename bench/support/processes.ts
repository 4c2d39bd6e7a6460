import { type ChildProcess, spawn } from 'node:child_process';

export interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

/** Starts a process and waits until it prints its URL (or until `ready` answers for servers that print none). */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  waitFor: RegExp | (() => Promise<string>),
): Promise<Started> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited:\n${output}`);
    if (waitFor instanceof RegExp) {
      const m = waitFor.exec(output);
      if (m) return { child, url: m[1]! };
    } else {
      const url = await waitFor().catch(() => '');
      if (url) return { child, url };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not start:\n${output}`);
}

export function stopProcess(p: Started | undefined): void {
  if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
}
