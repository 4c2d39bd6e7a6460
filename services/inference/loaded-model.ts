import {
  AutoModelForTokenClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  pipeline,
  Tensor,
} from '@xenova/transformers';
import { entitySpans, wordsOf } from './entity-spans.js';
import type { ChunkLabel, EntitySpan, ModelSpec } from './messages.js';
import { ownerWindow, tokenWindows } from './token-windows.js';

type Classifier = (texts: string[], options: { topk: number }) => Promise<Array<{ label: string; score: number }>>;
type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: true }) => Promise<{ tolist(): number[][] }>;

/** One model loaded in a worker, with its tokenizer; runs the task its spec names on a batch of texts. */
export class LoadedModel {
  private constructor(
    readonly spec: ModelSpec,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly maxPositions: number,
    private readonly batchSize: number,
    private readonly run: { classify?: Classifier; extract?: Extractor; tokens?: PreTrainedModel },
  ) {}

  static async load(spec: ModelSpec, batchSize: number): Promise<LoadedModel> {
    const options = { quantized: spec.quantized, local_files_only: true };
    const tokenizer = await AutoTokenizer.from_pretrained(spec.path, options);
    let run: LoadedModel['run'];
    let config: { max_position_embeddings?: number };
    if (spec.task === 'entities') {
      const model = await AutoModelForTokenClassification.from_pretrained(spec.path, options);
      config = model.config as typeof config;
      run = { tokens: model };
    } else {
      const task = spec.task === 'classify' ? 'text-classification' : 'feature-extraction';
      const p = await pipeline(task, spec.path, options);
      config = (p as unknown as { model: { config: typeof config } }).model.config;
      run =
        spec.task === 'classify' ? { classify: p as unknown as Classifier } : { extract: p as unknown as Extractor };
    }
    const maxPositions = Math.min(config.max_position_embeddings ?? 512, Number(tokenizer.model_max_length) || 512);
    return new LoadedModel(spec, tokenizer, maxPositions, batchSize, run);
  }

  /** Each text cut into overlapping token windows, each window's top label. */
  async classify(texts: readonly string[]): Promise<ChunkLabel[][]> {
    const chunks = texts.map((t) => this.chunks(t));
    const flat = chunks.flat();
    const labels: Array<{ label: string; score: number }> = [];
    for (let i = 0; i < flat.length; i += this.batchSize)
      labels.push(...(await this.run.classify!(flat.slice(i, i + this.batchSize), { topk: 1 })));
    let next = 0;
    return chunks.map((list) => list.map((chunk_text) => ({ chunk_text, ...labels[next++]! })));
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize)
      out.push(
        ...(await this.run.extract!(texts.slice(i, i + this.batchSize), { pooling: 'mean', normalize: true })).tolist(),
      );
    return out;
  }

  /** Entities per text: each word is labelled by its first token, in the window where it sits most centrally. */
  async entities(texts: readonly string[]): Promise<EntitySpan[][]> {
    const result: EntitySpan[][] = [];
    for (const text of texts) {
      const words = wordsOf(text);
      const ids: number[] = [];
      const firstToken: number[] = [];
      for (const w of words) {
        firstToken.push(ids.length);
        const pieces = this.tokenizer.encode(text.slice(w.start, w.end), null, { add_special_tokens: false });
        ids.push(...(pieces.length ? pieces : [this.unknownId]));
      }
      const windows = tokenWindows(ids.length, this.maxPositions);
      const logits = await this.tokenLogits(windows.map(([s, e]) => ids.slice(s, e)));
      const labels = firstToken.map((t) => {
        const w = ownerWindow(windows, t);
        return this.topLabel(logits[w]![t - windows[w]![0] + 1]!);
      });
      result.push(entitySpans(words, labels));
    }
    return result;
  }

  private get unknownId(): number {
    const t = this.tokenizer as unknown as { unk_token_id?: number };
    return t.unk_token_id ?? 0;
  }

  private chunks(text: string): string[] {
    const ids = this.tokenizer.encode(text, null, { add_special_tokens: false });
    const windows = tokenWindows(ids.length, this.maxPositions);
    if (windows.length === 1) return [text];
    // A WordPiece window that starts inside a word starts at the word instead, so its text reads whole.
    const tokens = this.tokenizer.model.convert_ids_to_tokens(ids);
    const wordStart = (i: number) => {
      while (i > 0 && tokens[i]!.startsWith('##')) i--;
      return i;
    };
    return windows.map(([s, e]) =>
      this.tokenizer.decode(ids.slice(wordStart(s), e), { skip_special_tokens: true }).trim(),
    );
  }

  /** Logits per window and position ([CLS] at 0), windows batched and padded. */
  private async tokenLogits(windows: number[][]): Promise<Float32Array[][]> {
    const t = this.tokenizer as unknown as { cls_token_id?: number; sep_token_id?: number; pad_token_id?: number };
    const cls = t.cls_token_id ?? this.tokenizer.model.tokens_to_ids.get('[CLS]') ?? 0;
    const sep = t.sep_token_id ?? this.tokenizer.model.tokens_to_ids.get('[SEP]') ?? 0;
    const pad = t.pad_token_id ?? 0;
    const out: Float32Array[][] = [];
    for (let b = 0; b < windows.length; b += this.batchSize) {
      const batch = windows.slice(b, b + this.batchSize).map((w) => [cls, ...w, sep]);
      const width = Math.max(...batch.map((w) => w.length));
      const ids = new BigInt64Array(batch.length * width);
      const mask = new BigInt64Array(batch.length * width);
      batch.forEach((w, row) => {
        for (let i = 0; i < width; i++) {
          ids[row * width + i] = BigInt(i < w.length ? w[i]! : pad);
          mask[row * width + i] = i < w.length ? 1n : 0n;
        }
      });
      const input_ids = new Tensor('int64', ids, [batch.length, width]);
      const attention_mask = new Tensor('int64', mask, [batch.length, width]);
      const { logits } = (await this.run.tokens!({ input_ids, attention_mask })) as { logits: Tensor };
      const labels = logits.dims[2]!;
      const data = logits.data as Float32Array;
      for (let row = 0; row < batch.length; row++) {
        out.push(
          Array.from({ length: width }, (_, pos) =>
            data.subarray((row * width + pos) * labels, (row * width + pos + 1) * labels),
          ),
        );
      }
    }
    return out;
  }

  private topLabel(logits: Float32Array): { label: string; score: number } {
    let best = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
    let sum = 0;
    for (const x of logits) sum += Math.exp(x - logits[best]!);
    const id2label = (this.run.tokens!.config as { id2label: Record<string, string> }).id2label;
    return { label: id2label[best] ?? String(best), score: 1 / sum };
  }
}
