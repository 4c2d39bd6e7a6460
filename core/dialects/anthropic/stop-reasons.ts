import type { FinishReason } from '../canonical.js';

const TO_FINISH: Readonly<Record<string, FinishReason>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

const TO_STOP: Readonly<Record<FinishReason, string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

export const finishReasonOf = (stopReason: unknown): FinishReason | null =>
  typeof stopReason === 'string' ? (TO_FINISH[stopReason] ?? 'stop') : null;

export const stopReasonOf = (finish: FinishReason | null): string | null => (finish ? TO_STOP[finish] : null);
