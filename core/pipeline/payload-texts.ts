import { isObject, type Json } from '../dialects/request-fields.js';
import { cannotMask } from '../errors/errors.js';
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
  /** Text parts already judged as part of a joined run. */
  private readonly judged = new Set<Json>();

  commit(): void {
    // In the order they were queued, which is innermost first (each is queued after its children were walked):
    // a key inside tool arguments is renamed before the arguments are serialised again.
    for (const c of this.commits) c();
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
      if (!data && IMAGE_LISTS.has(key) && Array.isArray(value) && value.every(isBase64)) continue;
      if (key === 'data' && isImageSource(obj)) continue;
      if (key === 'data' && isBinarySource(obj)) throw cannotMask(String(obj['media_type']));
      if (key === 'text' && this.judged.has(obj)) continue;
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
      if (!data) this.textRuns(value);
      value.forEach((item, i) => {
        this.value(item, data, (v) => (value[i] = v), key);
      });
    } else if (isObject(value)) {
      this.object(value, data);
    }
  }

  /**
   * Runs of adjacent text parts (`{"type":"text","text":…}`) are judged as the model reads them, joined, so an
   * identifier the client split across parts is found; the masked text is cut back into the parts (never
   * inside a placeholder), and a part left empty is dropped. The parts' own texts are then not judged again.
   */
  private textRuns(items: unknown[]): void {
    let run: Json[] = [];
    const endRun = () => {
      if (run.length > 1) this.joined(items, run);
      run = [];
    };
    for (const item of items) {
      if (isObject(item) && item['type'] === 'text' && typeof item['text'] === 'string') run.push(item);
      else endRun();
    }
    endRun();
  }

  private joined(items: unknown[], parts: Json[]): void {
    const texts = parts.map((p) => p['text'] as string);
    for (const p of parts) this.judged.add(p);
    this.slots.push({
      text: texts.join(''),
      json: false,
      set: (masked) => {
        if (masked === texts.join('')) return;
        splitLike(masked, texts).forEach((piece, i) => {
          parts[i]!['text'] = piece;
        });
        this.commits.push(() => {
          for (const p of parts) if (p['text'] === '') items.splice(items.indexOf(p), 1);
        });
      },
    });
  }

  /**
   * A string; a data URL is an image (left as it is), text (decoded when it is base64), or a binary file such as
   * a PDF, whose words this gateway cannot read and so cannot mask: the request is refused, never sent in clear.
   */
  private text(value: string, set: (v: unknown) => void): void {
    const url = DATA_URL.exec(value);
    if (url && /^image\//i.test(url[1]!)) return;
    if (url?.[2] && !isTextMedia(url[1]!)) throw cannotMask(url[1] || 'application/octet-stream');
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
  const media = obj['media_type'];
  return obj['type'] === 'base64' && typeof media === 'string' && /^image\//i.test(media) && isBase64(obj['data']);
}

/** Anthropic's base64 source of something that is neither an image nor text (a PDF document). */
function isBinarySource(obj: Json): boolean {
  const media = obj['media_type'];
  return obj['type'] === 'base64' && typeof media === 'string' && !/^image\//i.test(media) && !isTextMedia(media);
}

const isTextMedia = (media: string) => /^text\/|^application\/(?:json|xml)|\+json$|\+xml$/i.test(media);

/** Image bytes, not words: anything else in an image field is judged as text. */
function isBase64(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Za-z0-9+/=\r\n]*$/.test(value);
}

function renameKeys(obj: Json, renames: Array<[string, () => string]>): void {
  if (renames.every(([k, now]) => now() === k)) return;
  const entries = renames.map(([k, now]) => [now(), obj[k]] as const);
  for (const [k] of renames) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

const PLACEHOLDER = /\{\{[A-Z][A-Z0-9_]*_\d+\}\}/;
const PLACEHOLDERS = /(\{\{[A-Z][A-Z0-9_]*_\d+\}\})/;

/**
 * Cuts `masked` (the masked form of `parts` joined) into as many pieces, at the places the parts met: literal
 * characters map one to one; a placeholder replaced the original up to where the next literal text resumes,
 * and a boundary inside that span moves to after the placeholder. Whatever the alignment, the pieces joined
 * are exactly `masked`, so nothing unmasked can come out of it.
 */
export function splitLike(masked: string, parts: readonly string[]): string[] {
  const joined = parts.join('');
  const ends: number[] = [];
  let total = 0;
  for (const p of parts.slice(0, -1)) {
    total += p.length;
    ends.push(total);
  }
  const cuts: number[] = [];
  let next = 0;
  const cutAt = (j: number, m: number) => {
    while (next < ends.length && ends[next]! <= j) {
      cuts.push(m);
      next++;
    }
  };
  let j = 0;
  let m = 0;
  for (const token of masked.split(PLACEHOLDERS)) {
    if (token === '') continue;
    if (PLACEHOLDER.test(token)) {
      cutAt(j, m);
      m += token.length;
      const rest = masked.slice(m);
      const resume = rest.split(PLACEHOLDER)[0] ?? '';
      const found = resume ? joined.indexOf(resume, j) : joined.length;
      j = found < 0 ? j : found;
      continue;
    }
    for (let k = 0; k < token.length; k++) {
      cutAt(j, m);
      j++;
      m++;
    }
  }
  cutAt(joined.length, masked.length);
  while (cuts.length < parts.length - 1) cuts.push(masked.length);
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(masked.slice(from, cut));
    from = cut;
  }
  pieces.push(masked.slice(from));
  return pieces;
}
