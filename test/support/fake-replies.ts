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
 * `reject` → 400, `explode` → 500, `slow` → headers after 3 s, `cut` → stream dies mid-way,
 * `dribble` → 200 ms between stream chunks, `garbage` → a 200 that is not JSON.
 */
export type Behaviour = 'ok' | 'reject' | 'explode' | 'slow' | 'cut' | 'dribble' | 'garbage';

export function behaviourOf(model: unknown): Behaviour {
  const name = String(model ?? '');
  for (const b of ['reject', 'explode', 'slow', 'cut', 'dribble', 'garbage'] as const) if (name.includes(b)) return b;
  return 'ok';
}
