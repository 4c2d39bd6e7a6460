/** A chat request to a gateway; returns status, headers and the time it took. */
export async function chat(url: string, model: string, timeoutMs = 20_000) {
  const started = Date.now();
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, body, ms: Date.now() - started };
}

/** `total` requests, at most `concurrency` at once, each sent by `send(i)`. */
export async function load<T>(total: number, concurrency: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        results[i] = await send(i);
      }
    }),
  );
  return results;
}

/** A models config with one model served by each of the given fake upstreams. */
export function poolConfig(model: string, urls: readonly string[], type = 'vllm', more: object = {}) {
  return {
    g: { [model]: { providers: urls.map((u, i) => ({ id: `p${i + 1}`, api_host: u, api_type: type, ...more })) } },
    active_models: { g: [model] },
  };
}
