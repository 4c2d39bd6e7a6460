import { GatewayError } from './gateway-error.js';

/** What the server log keeps about an error: the transport's reason, or the stack of a bug. */
export function causeOf(err: unknown): Record<string, string> {
  if (!(err instanceof GatewayError)) return { stack: String((err as Error)?.stack ?? err) };
  const cause = err.cause as { code?: string; message?: string } | undefined;
  return cause ? { cause: [cause.code, cause.message].filter(Boolean).join(' ') } : {};
}
