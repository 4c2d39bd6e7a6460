import { invalidRequest } from '../../errors/errors.js';
import { isObject, type Json, optionalNumber, requireObject, requireString } from '../request-fields.js';
import type {
  ClientEmbeddingsDialect,
  EmbeddingRequest,
  EmbeddingResult,
  ProviderEmbeddingsDialect,
} from './embeddings-dialect.js';

function validate(raw: unknown): Json {
  const body = requireObject(raw);
  requireString(body, 'model');
  const input = body['input'];
  const ok =
    typeof input === 'string' ||
    (Array.isArray(input) && input.length > 0 && input.every((s) => typeof s === 'string'));
  if (!ok) throw invalidRequest("'input' is required: a string or a non-empty array of strings", 'input');
  optionalNumber(body, 'dimensions');
  return body;
}

/** Ollama `/api/embed`. */
export const ollamaEmbeddingsClient: ClientEmbeddingsDialect = {
  name: 'ollama',
  family: 'ollama',
  validate: (body) => void validate(body),
  read(body): EmbeddingRequest {
    validate(body);
    const out: EmbeddingRequest = { model: body['model'] as string, input: body['input'] as string | string[] };
    if (typeof body['dimensions'] === 'number') out.dimensions = body['dimensions'];
    return out;
  },
  write: (result: EmbeddingResult, request: Json) => ({
    model: request['model'],
    embeddings: result.vectors,
    total_duration: 0,
    load_duration: 0,
    prompt_eval_count: result.promptTokens,
  }),
};

export const ollamaEmbeddingsProvider: ProviderEmbeddingsDialect = {
  write(req) {
    const isText = typeof req.input === 'string' || (req.input as unknown[]).every((s) => typeof s === 'string');
    if (!isText)
      throw invalidRequest("This model's provider embeds text only; token arrays are not supported", 'input');
    return { model: req.model, input: req.input, ...(req.dimensions ? { dimensions: req.dimensions } : {}) };
  },
  read(body): EmbeddingResult | null {
    if (!isObject(body) || !Array.isArray(body['embeddings'])) return null;
    return {
      model: String(body['model'] ?? ''),
      vectors: body['embeddings'] as number[][],
      promptTokens: Number(body['prompt_eval_count'] ?? 0),
    };
  },
};
