/** What every fake provider answers, so tests can assert the same text, tool call and usage in every dialect. */
export const REPLY_PIECES = ['Hello', '! How', ' can I', ' help?'];
export const REPLY_TEXT = REPLY_PIECES.join('');
export const TOOL_NAME = 'get_weather';
export const TOOL_ARGS_PIECES = ['{"city":', ' "Warsaw"}'];
export const TOOL_ARGS = { city: 'Warsaw' };
export const USAGE = { input: 11, output: 7 };
export const EMBEDDING_DIM = 4;

export const embeddingOf = (text: string): number[] =>
  Array.from({ length: EMBEDDING_DIM }, (_, i) => (text.length + i) / 10);

/**
 * The upstream model name picks a behaviour, so one fake server covers the failure cases:
 * `reject` → 400, `toolong` → 400 saying the context is exceeded in the backend's own shape, `explode` → 500, `slow` → headers after 3 s, `cut` → stream dies mid-way,
 * `dribble` → 200 ms between stream chunks, `garbage` → a 200 that is not JSON, `ratelimit` → 429 with Retry-After: 2.
 */
export type Behaviour =
  | 'ok'
  | 'reject'
  | 'toolong'
  | 'explode'
  | 'slow'
  | 'cut'
  | 'dribble'
  | 'garbage'
  | 'echo'
  | 'ratelimit';

export function behaviourOf(model: unknown): Behaviour {
  const name = String(model ?? '');
  for (const b of ['reject', 'toolong', 'explode', 'slow', 'cut', 'dribble', 'garbage', 'echo', 'ratelimit'] as const)
    if (name.includes(b)) return b;
  return 'ok';
}

/** `echo` answers "You said: <last user text>", streamed one character per chunk (placeholders arrive split). */
export const ECHO_PREFIX = 'You said: ';

export function replyFor(body: Record<string, unknown>): { text: string; pieces: string[] } {
  if (behaviourOf(body['model']) !== 'echo') return { text: REPLY_TEXT, pieces: REPLY_PIECES };
  const text = ECHO_PREFIX + lastUserText(body);
  return { text, pieces: [...text] };
}

function lastUserText(body: Record<string, unknown>): string {
  const input = body['input'];
  if (typeof input === 'string') return input;
  const items = (Array.isArray(body['messages']) ? body['messages'] : Array.isArray(input) ? input : []) as Array<
    Record<string, unknown>
  >;
  const last = [...items].reverse().find((m) => m['role'] === 'user');
  const content = last?.['content'];
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p: Record<string, unknown>) => (typeof p['text'] === 'string' ? p['text'] : '')).join('');
  return '';
}
