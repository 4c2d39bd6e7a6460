/**
 * Placeholders for one request: the same value gets the same placeholder (`{{EMAIL_1}}`) within the request,
 * and nothing outlives it, so values are never shared across requests or users.
 */
export class MaskingSession {
  /** Per tag, the placeholder of each original, how many were issued and how many values were masked. */
  private readonly tags = new Map<string, TagState>();
  private readonly byPlaceholder = new Map<string, string>();
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
    // One lookup per tag and one per value: this runs for every value masked (thousands in a long document).
    let state = this.tags.get(tag);
    if (state === undefined) {
      state = { issued: new Map(), count: 0, hits: 0 };
      this.tags.set(tag, state);
    }
    let ph = state.issued.get(original);
    if (ph === undefined) {
      let n = state.count;
      do ph = `{{${tag}_${++n}}}`;
      while (this.taken.has(ph));
      state.count = n;
      state.issued.set(original, ph);
      this.byPlaceholder.set(ph, original);
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

  original(placeholder: string): string | undefined {
    return this.byPlaceholder.get(placeholder);
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  /** `{placeholder: original}`, as `/api/fast_text_mask` and the audit log show it. */
  mappings(): Record<string, string> {
    return Object.fromEntries(this.byPlaceholder);
  }
}

interface TagState {
  readonly issued: Map<string, string>;
  count: number;
  hits: number;
}

/** A placeholder as the maskers write it: `{{TAG_n}}` with an upper-case tag. */
export const PLACEHOLDER = /\{\{[A-Z][A-Z0-9_]*_\d+\}\}/g;
