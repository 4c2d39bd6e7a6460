import type { ServicesConfig } from '../config/services-config.js';
import { jsonTexts, mapJsonTexts } from '../guard/json-texts.js';
import type { CachedInference } from '../inference/cached-inference.js';
import type { EntitySpan } from '../inference/messages.js';

const DEFAULT_TAGS: Record<string, string> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  LOC: 'LOCATION',
  LOCATION: 'LOCATION',
  ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION',
};

/**
 * Names, places and organisations a NER model finds, replaced by `{{TAG_n}}` placeholders in every string
 * of the body (the structure is kept); the same value gets the same placeholder within one call, and the
 * mappings say what each stands for, so the router can restore answers.
 */
export class PiiService {
  private readonly tags: Record<string, string>;

  constructor(
    private readonly config: NonNullable<ServicesConfig['pii']>,
    private readonly inference: CachedInference<EntitySpan[]>,
  ) {
    this.tags = { ...DEFAULT_TAGS, ...config.entity_tags };
  }

  async anonymize(body: unknown): Promise<{ anonymized: unknown; mappings: Record<string, string> }> {
    const texts = [...new Set(jsonTexts(body).filter((t) => t.trim() !== ''))];
    const spans = new Map((await this.inference.run(texts)).map((s, i) => [texts[i]!, s]));
    const byValue = new Map<string, string>();
    const counters = new Map<string, number>();
    const mappings: Record<string, string> = {};
    const placeholder = (tag: string, value: string) => {
      const key = `${tag}\u0000${value}`;
      let ph = byValue.get(key);
      if (!ph) {
        const n = (counters.get(tag) ?? 0) + 1;
        counters.set(tag, n);
        ph = `{{${tag}_${n}}}`;
        byValue.set(key, ph);
        mappings[ph] = value;
      }
      return ph;
    };
    const anonymized = mapJsonTexts(body, (text) => {
      const found = (spans.get(text) ?? []).filter((s) => s.score >= this.config.min_score);
      let out = '';
      let at = 0;
      for (const s of found) {
        out += text.slice(at, s.start) + placeholder(this.tagOf(s.type), text.slice(s.start, s.end));
        at = s.end;
      }
      return out + text.slice(at);
    });
    return { anonymized, mappings };
  }

  private tagOf(type: string): string {
    return (
      this.tags[type.toUpperCase()] ??
      (type
        .toUpperCase()
        .replace(/[^A-Z0-9_]/g, '_')
        .replace(/^[^A-Z]/, 'X') ||
        'ENTITY')
    );
  }
}
