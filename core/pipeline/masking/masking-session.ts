/**
 * Placeholders for one request: the same value gets the same placeholder (`{{EMAIL_1}}`) within the request,
 * and nothing outlives it, so values are never shared across requests or users.
 */
export class MaskingSession {
  /** Per tag, the placeholder of each original (a map per tag: a joined key was a string built per call). */
  private readonly byOriginal = new Map<string, Map<string, string>>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /** Placeholders that stand for numbers the client sent as JSON numbers. */
  private readonly numbers = new Set<string>();
  /** Placeholder-shaped text the client wrote itself: never issued, so it is never "restored" into a value. */
  private readonly taken = new Set<string>();
  /** How many values each rule or plugin masked, for metrics. */
  readonly hits = new Map<string, number>();

  /** Marks the placeholders that already stand in the request's own texts, before anything is masked. */
  reserve(texts: readonly string[]): void {
    for (const text of texts)
      if (text.includes('{{')) for (const [ph] of text.matchAll(PLACEHOLDER)) this.taken.add(ph);
  }

  placeholder(tag: string, original: string): string {
    let issued = this.byOriginal.get(tag);
    if (issued === undefined) {
      issued = new Map();
      this.byOriginal.set(tag, issued);
    }
    let ph = issued.get(original);
    if (ph === undefined) {
      let n = this.counters.get(tag) ?? 0;
      do ph = `{{${tag}_${++n}}}`;
      while (this.taken.has(ph));
      this.counters.set(tag, n);
      issued.set(original, ph);
      this.byPlaceholder.set(ph, original);
    }
    this.hits.set(tag, (this.hits.get(tag) ?? 0) + 1);
    return ph;
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

/** A placeholder as the maskers write it: `{{TAG_n}}` with an upper-case tag. */
export const PLACEHOLDER = /\{\{[A-Z][A-Z0-9_]*_\d+\}\}/g;
