import type { TokenLogprob } from '../../dialects/canonical.js';
import { type MaskingSession, PLACEHOLDER } from './masking-session.js';
import { restoreText } from './placeholder-restorer.js';

/**
 * Puts originals back into the tokens of log probabilities. A placeholder is several tokens (`{{`, `EMAIL`,
 * `_1`, `}}`), so restoring token by token would leave it in pieces: the tokens a placeholder spans are merged
 * into one entry that carries the original, with the sum of their log probabilities (the probability of the
 * whole span) and the UTF-8 bytes of the new text. The first token's alternatives are kept, each restored.
 */

// The longest text that can still grow into a placeholder (as in placeholder-restorer.ts).
const PARTIAL_TAIL = /\{(?:\{(?:[A-Z][A-Z0-9_]*(?:\}?)?)?)?$/;

interface Span {
  first: number;
  last: number;
}

/** Restores a whole list of tokens. */
export function restoreTokens(entries: readonly TokenLogprob[], session: MaskingSession): TokenLogprob[] {
  return release(entries, spans(entries, session), entries.length, session);
}

/** Restores the tokens of one stream channel: tokens that may be the start of a placeholder are held back. */
export class TokenStreamRestorer {
  private pending: TokenLogprob[] = [];

  constructor(private readonly session: MaskingSession) {}

  push(entries: readonly TokenLogprob[]): TokenLogprob[] {
    const all = [...this.pending, ...entries];
    const found = spans(all, this.session);
    let cut = heldFrom(all);
    for (const s of found) if (s.first < cut && s.last >= cut) cut = s.first;
    this.pending = all.slice(cut);
    return release(all, found, cut, this.session);
  }

  /** What is still held when the stream ends (an unfinished `{{…` is just text). */
  flush(): TokenLogprob[] {
    const rest = this.pending.map((e) => alone(e, this.session));
    this.pending = [];
    return rest;
  }
}

/** The runs of tokens each known placeholder covers, in order; overlapping runs are merged. */
function spans(entries: readonly TokenLogprob[], session: MaskingSession): Span[] {
  const text = entries.map((e) => e.token).join('');
  if (!text.includes('{{')) return [];
  const starts: number[] = [];
  let at = 0;
  for (const e of entries) {
    starts.push(at);
    at += e.token.length;
  }
  const tokenAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] ?? 0) <= offset) i++;
    return i;
  };
  const found: Span[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (session.original(m[0]) === undefined) continue;
    const span = { first: tokenAt(m.index), last: tokenAt(m.index + m[0].length - 1) };
    const prev = found.at(-1);
    if (prev && span.first <= prev.last) prev.last = Math.max(prev.last, span.last);
    else found.push(span);
  }
  return found;
}

/** The index of the first token that may begin a placeholder still to come. */
function heldFrom(entries: readonly TokenLogprob[]): number {
  const text = entries.map((e) => e.token).join('');
  const tail = PARTIAL_TAIL.exec(text);
  if (!tail) return entries.length;
  let at = 0;
  for (const [i, e] of entries.entries()) {
    at += e.token.length;
    if (at > tail.index) return i;
  }
  return entries.length;
}

/** The tokens before `cut`, each placeholder run merged into one restored entry. */
function release(
  entries: readonly TokenLogprob[],
  found: readonly Span[],
  cut: number,
  session: MaskingSession,
): TokenLogprob[] {
  const out: TokenLogprob[] = [];
  let next = 0;
  for (const s of found) {
    if (s.first >= cut) break;
    for (const e of entries.slice(next, s.first)) out.push(alone(e, session));
    out.push(merged(entries.slice(s.first, s.last + 1), session));
    next = s.last + 1;
  }
  for (const e of entries.slice(next, cut)) out.push(alone(e, session));
  return out;
}

/** A token outside any placeholder: itself, with its alternatives restored. */
function alone(e: TokenLogprob, session: MaskingSession): TokenLogprob {
  return e.top_logprobs ? { ...e, top_logprobs: alternatives(e.top_logprobs, session) } : e;
}

function merged(run: readonly TokenLogprob[], session: MaskingSession): TokenLogprob {
  const [head] = run as [TokenLogprob];
  const token = restoreText(run.map((e) => e.token).join(''), session);
  const entry: TokenLogprob = { ...alone(head, session), token };
  if (run.every((e) => typeof e.logprob === 'number')) entry.logprob = run.reduce((s, e) => s + (e.logprob ?? 0), 0);
  if (head.bytes !== undefined) entry.bytes = [...Buffer.from(token, 'utf8')];
  return entry;
}

type Alternatives = NonNullable<TokenLogprob['top_logprobs']>;

function alternatives(alts: Alternatives, session: MaskingSession): Alternatives {
  return alts.map((alt) => {
    const token = restoreText(alt.token, session);
    if (token === alt.token) return alt;
    return alt.bytes !== undefined ? { ...alt, token, bytes: [...Buffer.from(token, 'utf8')] } : { ...alt, token };
  });
}
