import { StartupError } from '../errors/startup-error.js';
import { CharNgramEmbedder } from './char-ngram-embedder.js';
import type { Embedder } from './embedder.js';
import { HttpEmbedder } from './http-embedder.js';
import { LocalEmbedder } from './local-embedder.js';

/**
 * The embedder one setting names: `builtin:char-ngram`, an `http(s)://` URL of an embeddings service, or a local
 * model directory. Anything else (a hub id such as `BAAI/bge-m3`) stops start-up: models are never downloaded.
 */
export async function openEmbedder(spec: string, variable: string, timeoutMs = 60_000): Promise<Embedder> {
  const value = spec.trim();
  if (value === CharNgramEmbedder.SPEC) return new CharNgramEmbedder();
  try {
    if (/^https?:\/\//i.test(value)) return await HttpEmbedder.open(value, timeoutMs);
    if (value !== '' && LocalEmbedder.isModelDir(value)) return await LocalEmbedder.open(value);
  } catch (err) {
    throw new StartupError(`${variable}=${JSON.stringify(value)}: the embedder failed: ${(err as Error).message}`);
  }
  throw new StartupError(
    `${variable}=${JSON.stringify(value)} is neither ${CharNgramEmbedder.SPEC}, an http(s):// embeddings URL nor a local model directory (with config.json and onnx/); models are never downloaded`,
  );
}
