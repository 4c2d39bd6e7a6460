import type { GatewayError } from '../errors/gateway-error.js';
import { anthropicErrorBody } from './anthropic/error-body.js';
import { ollamaErrorBody } from './ollama/error-body.js';
import { openAIErrorBody } from './openai/error-body.js';

/** The shape errors take for a route's callers. */
export type ErrorDialect = 'openai' | 'anthropic' | 'ollama';

/** Each dialect owns its error body; the error handler picks the caller's. */
export const ERROR_BODIES: Readonly<Record<ErrorDialect, (err: GatewayError) => unknown>> = {
  openai: openAIErrorBody,
  anthropic: anthropicErrorBody,
  ollama: ollamaErrorBody,
};
