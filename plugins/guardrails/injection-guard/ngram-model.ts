import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A linear model over hashed character n-grams of the normalised text: the learned half of injection_guard,
 * trained by `npm run train:guard` (scripts/guard/train-guard.ts). Reading a text is one pass: each n-gram of
 * 3 to 5 characters is hashed (FNV-1a) into one of 2^bits weights, and the sum goes through a sigmoid.
 */
export interface NgramModelFile {
  readonly bits: number;
  readonly minN: number;
  readonly maxN: number;
  /** Only the first `maxChars` characters are read: the cost stays bounded on long texts. */
  readonly maxChars: number;
  readonly bias: number;
  /** Probability at or above which the model calls a text an injection (chosen on a dev split). */
  readonly threshold: number;
}

export class NgramModel {
  constructor(
    readonly file: NgramModelFile,
    readonly weights: Float32Array,
  ) {
    if (weights.length !== 1 << file.bits) throw new Error(`the model wants ${1 << file.bits} weights`);
  }

  /** The feature indices of a (normalised) text; repeats stand for counts. */
  static features(text: string, file: Pick<NgramModelFile, 'bits' | 'minN' | 'maxN' | 'maxChars'>): Int32Array {
    // The text between two spaces, as char codes: reading a concatenated string char by char cost more than
    // the hashing.
    const length = Math.min(text.length, file.maxChars) + 2;
    const t = new Uint16Array(length);
    t[0] = 32;
    t[length - 1] = 32;
    for (let i = 1; i < length - 1; i++) t[i] = text.charCodeAt(i - 1);
    const { minN, maxN } = file;
    const mask = (1 << file.bits) - 1;
    const out = new Int32Array(length * (maxN - minN + 1));
    let k = 0;
    for (let i = 0; i < length; i++) {
      // The FNV offset basis as an int32: as a double (it is above 2^31) every step was ten times slower.
      let h = 0x811c9dc5 | 0;
      for (let n = 1; n <= maxN && i + n <= length; n++) {
        h = Math.imul(h ^ t[i + n - 1]!, 0x01000193);
        if (n >= minN) out[k++] = (h ^ n) & mask;
      }
    }
    return out.subarray(0, k);
  }

  probability(text: string): number {
    const features = NgramModel.features(text, this.file);
    if (features.length === 0) return 0;
    let z = 0;
    const weights = this.weights;
    // Indexed: for-of over a typed array's subarray went through the iterator, three times slower.
    for (let i = 0; i < features.length; i++) z += weights[features[i]!]!;
    // Averaged, as in training: a long text is not more suspicious for being long.
    return 1 / (1 + Math.exp(-(this.file.bias + z / Math.sqrt(features.length))));
  }
}

/** The model `npm run train:guard` wrote to `dir` (injection-ngrams.json and .bin), read once at start-up. */
export function loadNgramModel(dir: string): NgramModel {
  const file = JSON.parse(readFileSync(join(dir, 'injection-ngrams.json'), 'utf8')) as NgramModelFile;
  const bytes = readFileSync(join(dir, 'injection-ngrams.bin'));
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new NgramModel(file, weights);
}
