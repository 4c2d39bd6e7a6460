/**
 * Placeholders for one request: the same value gets the same placeholder (`{{EMAIL_1}}`) within the request,
 * and nothing outlives it, so values are never shared across requests or users.
 */
export class MaskingSession {
  /** Per tag, the placeholder of each original, the original of each number issued, and how many were masked. */
  private readonly tags = new Map<string, TagState>();
  /** Every placeholder issued, in order (for `mappings`). */
  private readonly issued: string[] = [];
  /** Placeholders that stand for numbers the client sent as JSON numbers. */
  private readonly numbers = new Set<string>();
  /** Placeholder-shaped text the client wrote itself: never issued, so it is never "restored" into a value. */
  private readonly taken = new Set<string>();

  /** Marks the placeholders that already stand in the request's own texts, before anything is masked. */
  reserve(texts: readonly string[]): void {
    for (const text of texts)
      if (text.includes('{{')) for (const [ph] of text.matchAll(PLACEHOLDER)) this.taken.add(ph);
  }

  placeholder(tag: string, original: string): string {
    // This runs for every value masked (thousands in a long document): one lookup per tag and one per value,
    // and a new value is one map insert; the way back is read from the placeholder (`original`).
    let state = this.tags.get(tag);
    if (state === undefined) {
      state = { byOriginal: new Map(), originals: [''], hits: 0 };
      this.tags.set(tag, state);
    }
    let ph = state.byOriginal.get(original);
    if (ph === undefined) {
      const { originals } = state;
      ph = `{{${tag}_${originals.length}}}`;
      // A number the client's own text holds is skipped: its slot stays empty, so it restores to nothing.
      while (this.taken.size > 0 && this.taken.has(ph)) {
        originals.push(undefined);
        ph = `{{${tag}_${originals.length}}}`;
      }
      originals.push(original);
      state.byOriginal.set(original, ph);
      this.issued.push(ph);
    }
    state.hits++;
    return ph;
  }

  /** How many values each rule or plugin masked, for metrics. */
  get hits(): ReadonlyMap<string, number> {
    return new Map(Array.from(this.tags, ([tag, state]) => [tag, state.hits]));
  }

  markNumeric(placeholder: string): void {
    this.numbers.add(placeholder);
  }

  isNumeric(placeholder: string): boolean {
    return this.numbers.has(placeholder);
  }

  get hasNumbers(): boolean {
    return this.numbers.size > 0;
  }

  /** The value a placeholder this session issued stands for; undefined for any other text. */
  original(placeholder: string): string | undefined {
    const n = placeholder.length;
    const cut = placeholder.lastIndexOf('_');
    if (cut < 3 || !placeholder.startsWith('{{') || !placeholder.endsWith('}}')) return undefined;
    const number = placeholder.slice(cut + 1, n - 2);
    const index = Number(number);
    // Only the spelling this session writes: `{{EMAIL_01}}` or `{{EMAIL_1.0}}` is the client's text, not ours.
    if (!Number.isSafeInteger(index) || index < 1 || String(index) !== number) return undefined;
    return this.tags.get(placeholder.slice(2, cut))?.originals[index];
  }

  get size(): number {
    return this.issued.length;
  }

  /** `{placeholder: original}`, as `/api/fast_text_mask` and the audit log show it. */
  mappings(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const ph of this.issued) out[ph] = this.original(ph)!;
    return out;
  }
}

interface TagState {
  readonly byOriginal: Map<string, string>;
  /** Indexed by the placeholder's number (slot 0 and numbers skipped are empty). */
  readonly originals: Array<string | undefined>;
  hits: number;
}

/** A placeholder as the maskers write it: `{{TAG_n}}` with an upper-case tag. */
export const PLACEHOLDER = /\{\{[A-Z][A-Z0-9_]*_\d+\}\}/g;
