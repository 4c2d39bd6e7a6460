/**
 * Placeholders for one request: the same value gets the same placeholder (`{{EMAIL_1}}`) within the request,
 * and nothing outlives it, so values are never shared across requests or users.
 */
export class MaskingSession {
  private readonly byOriginal = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /** How many values each rule or plugin masked, for metrics. */
  readonly hits = new Map<string, number>();

  placeholder(tag: string, original: string): string {
    const key = `${tag}\u0000${original}`;
    let ph = this.byOriginal.get(key);
    if (ph === undefined) {
      const n = (this.counters.get(tag) ?? 0) + 1;
      this.counters.set(tag, n);
      ph = `{{${tag}_${n}}}`;
      this.byOriginal.set(key, ph);
      this.byPlaceholder.set(ph, original);
    }
    this.hits.set(tag, (this.hits.get(tag) ?? 0) + 1);
    return ph;
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
