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
  const ok = typeof input === 'string' || (Array.isArray(input) && input.length > 0);
  if (!ok) throw invalidRequest("'input' is required: a string or a non-empty array", 'input');
  optionalNumber(body, 'dimensions');
  const fmt = body['encoding_format'];
  if (fmt !== undefined && fmt !== 'float' && fmt !== 'base64')
    throw invalidRequest("'encoding_format' must be 'float' or 'base64'", 'encoding_format');
  return body;
}

/** The openai SDK asks for base64 by default: little-endian float32, as OpenAI sends it. */
function base64Of(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function vectorOf(embedding: unknown): number[] {
  if (Array.isArray(embedding)) return embedding as number[];
  if (typeof embedding === 'string') {
    const buf = Buffer.from(embedding, 'base64');
    return Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
  }
  return [];
}

export const openAIEmbeddingsClient: ClientEmbeddingsDialect = {
  name: 'openai',
  family: 'openai',
  validate: (body) => void validate(body),
  read(body): EmbeddingRequest {
    validate(body);
    const out: EmbeddingRequest = { model: body['model'] as string, input: body['input'] as EmbeddingRequest['input'] };
    if (typeof body['dimensions'] === 'number') out.dimensions = body['dimensions'];
    return out;
  },
  write(result: EmbeddingResult, request: Json) {
    const asBase64 = request['encoding_format'] === 'base64';
    return {
      object: 'list',
      data: result.vectors.map((v, index) => ({ object: 'embedding', index, embedding: asBase64 ? base64Of(v) : v })),
      model: request['model'],
      usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens },
    };
  },
};

export const openAIEmbeddingsProvider: ProviderEmbeddingsDialect = {
  write: (req) => ({ ...req, encoding_format: 'float' }),
  read(body): EmbeddingResult | null {
    if (!isObject(body) || !Array.isArray(body['data'])) return null;
    const data = body['data'].filter(isObject).sort((a, b) => Number(a['index'] ?? 0) - Number(b['index'] ?? 0));
    const usage = isObject(body['usage']) ? body['usage'] : {};
    return {
      model: String(body['model'] ?? ''),
      vectors: data.map((d) => vectorOf(d['embedding'])),
      promptTokens: Number(usage['prompt_tokens'] ?? 0),
    };
  },
};
