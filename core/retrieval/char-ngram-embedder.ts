import { type Embedder, normalise } from './embedder.js';

const DIMENSION = 512;
const GRAMS = [3, 4, 5] as const;
// Letters NFKD does not take apart (ł, ø, đ, ß…), folded by hand so that "Łódź" and "lodz" share n-grams.
const FOLD: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * `builtin:char-ngram`: a model-free embedder. Each word, padded with spaces, gives its character 3-, 4- and
 * 5-grams and itself; each is hashed (FNV-1a) to one of 512 dimensions with a sign taken from the hash, so
 * collisions cancel out on average instead of piling up; the counts are L2-normalised. Texts that share words
 * and word stems come out close ("faktura", "faktury", "fakturę"), in any language and with typos; it knows no
 * synonyms or meaning ("invoice" and "faktura" are unrelated). Good for routing by topic words and for RAG over
 * documents that use the users' own words; for paraphrases and cross-language retrieval use a model.
 */
export class CharNgramEmbedder implements Embedder {
  static readonly SPEC = 'builtin:char-ngram';
  readonly id = `${CharNgramEmbedder.SPEC}/v1/${DIMENSION}`;
  readonly dimension = DIMENSION;
  readonly remote = false;

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  async close(): Promise<void> {}

  vector(text: string): number[] {
    const v = new Array<number>(DIMENSION).fill(0);
    for (const word of fold(text).split(NOT_WORD)) {
      if (word === '') continue;
      add(v, word, 1);
      const padded = ` ${word} `;
      for (const n of GRAMS) for (let i = 0; i + n <= padded.length; i++) add(v, padded.slice(i, i + n), 1);
    }
    return normalise(v);
  }
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/[łøđßæœı]/g, (c) => FOLD[c] ?? c);
}

function add(v: number[], gram: string, weight: number): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const slot = (h >>> 1) % DIMENSION;
  v[slot]! += h & 1 ? weight : -weight;
}
