import { isObject, type Json } from '../dialects/request-fields.js';
import type { TextSlot } from './text-channels.js';

/**
 * Every text of a payload as it will be sent, in any provider's format: deny by default. Each string value is
 * text, except the values of a short, closed list of structural fields that cannot carry what a user wrote,
 * base64 images, and data URLs of images. Inside tool arguments, tool and response schemas and metadata, object
 * keys and numbers are judged as text too (`{"pesel": 44051401359}`, an identifier used as a key). Fields the
 * gateway does not know are text: masked, not dropped, so backend-specific features keep working.
 */
export function payloadTexts(payload: Json): { slots: TextSlot[]; commit(): void } {
  const walk = new PayloadWalk();
  walk.object(payload, false);
  return { slots: walk.slots, commit: () => walk.commit() };
}

// Values that are the API's own vocabulary or the gateway's identifiers, never a user's words.
const STRUCTURAL = new Set([
  'model',
  'role',
  'type',
  'id',
  'tool_call_id',
  'tool_use_id',
  'call_id',
  'media_type',
  'mime_type',
  'detail',
  'encoding_format',
  'object',
  'status',
]);

// Where keys and numbers are data a user or tool chose: arguments, schemas, metadata.
const DATA = new Set(['arguments', 'input', 'metadata', 'parameters', 'input_schema', 'schema', 'format']);

// Base64 image bytes: Ollama's `images`, Anthropic's image `source.data`.
const IMAGE_LISTS = new Set(['images']);

const DATA_URL = /^data:([^;,]*)(;base64)?,/i;

class PayloadWalk {
  readonly slots: TextSlot[] = [];
  private readonly commits: Array<() => void> = [];

  commit(): void {
    // Innermost first: a tool argument string is re-serialised after its own leaves were set.
    for (let i = this.commits.length - 1; i >= 0; i--) this.commits[i]!();
  }

  object(obj: Json, data: boolean): void {
    const renames: Array<[string, () => string]> = [];
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (data) {
        let renamed = key;
        this.slots.push({ text: key, json: false, set: (v) => (renamed = v) });
        renames.push([key, () => renamed]);
      }
      if (!data && STRUCTURAL.has(key) && typeof value === 'string') continue;
      if (!data && IMAGE_LISTS.has(key) && Array.isArray(value)) continue;
      if (key === 'data' && isImageSource(obj)) continue;
      this.value(value, data || (DATA.has(key) && isObject(value)), (v) => (obj[key] = v), key, data);
    }
    if (renames.length) this.commits.push(() => renameKeys(obj, renames));
  }

  private value(value: unknown, data: boolean, set: (v: unknown) => void, key: string, inData = data): void {
    if (typeof value === 'string') {
      if (key === 'arguments' && !inData) this.jsonText(value, set);
      else this.text(value, set);
      return;
    }
    if (typeof value === 'number' && data) {
      const text = String(value);
      this.slots.push({ text, json: false, numeric: true, set: (v) => v !== text && set(v) });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        this.value(item, data, (v) => (value[i] = v), key);
      });
    } else if (isObject(value)) {
      this.object(value, data);
    }
  }

  /** A string; a data URL is an image (left as it is) or text, decoded when it is base64. */
  private text(value: string, set: (v: unknown) => void): void {
    const url = DATA_URL.exec(value);
    if (url && /^image\//i.test(url[1]!)) return;
    if (url?.[2]) {
      const head = url[0];
      const decoded = Buffer.from(value.slice(head.length), 'base64').toString('utf8');
      this.slots.push({
        text: decoded,
        json: false,
        set: (v) => set(head + Buffer.from(v, 'utf8').toString('base64')),
      });
      return;
    }
    this.slots.push({ text: value, json: false, set });
  }

  /** Tool-call arguments sent as JSON text: each key, string and number inside; written back as JSON. */
  private jsonText(value: string, set: (v: unknown) => void): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      this.slots.push({ text: value, json: false, set });
      return;
    }
    const root = { value: parsed };
    this.value(parsed, true, (v) => (root.value = v), '');
    this.commits.push(() => set(JSON.stringify(root.value)));
  }
}

function isImageSource(obj: Json): boolean {
  return obj['type'] === 'base64' && typeof obj['media_type'] === 'string' && /^image\//i.test(obj['media_type']);
}

function renameKeys(obj: Json, renames: Array<[string, () => string]>): void {
  if (renames.every(([k, now]) => now() === k)) return;
  const entries = renames.map(([k, now]) => [now(), obj[k]] as const);
  for (const [k] of renames) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}
