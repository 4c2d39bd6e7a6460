import type { EntitySpan } from './messages.js';

/** A word of the text with its offsets; models label words by their first token. */
export interface Word {
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Words and single punctuation marks, as BERT-style pre-tokenisers split them, with their offsets. */
export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Joins labelled words into entities (BIO): `B-X` starts one, `I-X` continues an `X` (or starts one, as
 * models often begin with `I-`), `O` ends it. Labels without a prefix (`PERSON`) continue a same-typed run.
 */
export function entitySpans(
  words: readonly Word[],
  labels: ReadonlyArray<{ label: string; score: number }>,
): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: { start: number; end: number; type: string; scores: number[] } | null = null;
  const close = () => {
    if (open)
      spans.push({
        start: open.start,
        end: open.end,
        type: open.type,
        score: open.scores.reduce((a, b) => a + b, 0) / open.scores.length,
      });
    open = null;
  };
  words.forEach((w, i) => {
    const { label, score } = labels[i]!;
    const m = /^([BI])-(.+)$/.exec(label);
    const type = m ? m[2]! : label;
    if (type === 'O') {
      close();
      return;
    }
    const continues = open !== null && open.type === type && (m === null || m[1] === 'I');
    if (!continues) {
      close();
      open = { start: w.start, end: w.end, type, scores: [score] };
    } else {
      open!.end = w.end;
      open!.scores.push(score);
    }
  });
  close();
  return spans;
}
