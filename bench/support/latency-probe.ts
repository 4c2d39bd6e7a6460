import { Pool } from 'undici';

export interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/**
 * Per-request latency in milliseconds with microsecond resolution (autocannon rounds to whole milliseconds):
 * `concurrency` loops, each sending requests back to back over its own keep-alive connection.
 */
export async function probeLatency(
  target: Target,
  body: string,
  concurrency: number,
  requestsPerLoop: number,
): Promise<Latency> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: concurrency, pipelining: 1 });
  const samples: number[] = [];
  const loop = async () => {
    for (let i = 0; i < requestsPerLoop; i++) {
      const start = process.hrtime.bigint();
      const res = await pool.request({ path: url.pathname, method: 'POST', headers: target.headers, body });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`${target.name} answered ${res.statusCode}`);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  await pool.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}
