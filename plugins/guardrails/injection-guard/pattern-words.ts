/**
 * The first words of a pattern's matches, read from its source: every match of `\b(ignore|disregard) …`
 * begins with a word starting "ign" or "dis". Conservative: a pattern it cannot read (a match that may begin
 * inside a word, with a character class, or with a word shorter than the key) gets no keys and is always tried.
 */
import { inMode, isAsciiWord, isLetter, KEY, keyOf, type Mode } from './word-key.js';

/** The top-level alternatives of a pattern, each a pattern of its own (a match of one is a match of the whole). */
export function branchesOf(pattern: RegExp): RegExp[] {
  const source = pattern.source;
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts.map((p) => new RegExp(p, pattern.flags));
}

/** The keys one of which a text's words must have for `pattern` to match it, or null when it cannot tell. */
export function patternKeys(pattern: RegExp): number[] | null {
  return readPattern(pattern)?.keys ?? null;
}

/**
 * The first-word keys of a pattern, and whether every match begins where its first word begins (nothing but
 * assertions before it), so that trying it at word starts finds what a scan finds.
 */
export function readPattern(pattern: RegExp): { keys: number[]; anchored: boolean } | null {
  if (pattern.flags.includes('i')) return null;
  lead = false;
  try {
    const keys = scan(parse(pattern.source), { start: null, word: '' }, 0);
    return keys === null ? null : { keys: [...keys], anchored: !lead };
  } catch {
    return null;
  }
}

// Set while reading a pattern when some match may consume characters before its first word.
let lead = false;

// --- A reader for the part of regex syntax the signals use. ---

type Node =
  | { kind: 'char'; c: string }
  | { kind: 'set'; separator: boolean }
  | { kind: 'group'; branches: Node[][] }
  | { kind: 'look'; behind: boolean; negative: boolean; letters: boolean }
  | { kind: 'boundary' }
  | { kind: 'caret' }
  | { kind: 'dollar' }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unreadable extends Error {}

function parse(source: string): Node[] {
  let i = 0;
  const alternation = (): Node[][] => {
    const branches: Node[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        branches.push([]);
        continue;
      }
      const atom = readAtom();
      branches[branches.length - 1]!.push(quantified(atom));
    }
    return branches;
  };
  const quantified = (atom: Node): Node => {
    const c = source[i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))!;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      i += m[0].length - 1;
    } else return atom;
    i++;
    if (source[i] === '?') i++;
    return { kind: 'repeat', node: atom, min, max };
  };
  const readAtom = (): Node => {
    const c = source[i]!;
    if (c === '(') {
      i++;
      let look: Node | undefined;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        look = { kind: 'look', behind: false, negative: source[i + 1] === '!', letters: false };
        i += 2;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        look = { kind: 'look', behind: true, negative: source[i + 2] === '!', letters: false };
        i += 3;
      } else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      const inner = i;
      const branches = alternation();
      if (source[i] !== ')') throw new Unreadable();
      const text = source.slice(inner, i);
      i++;
      if (look?.kind === 'look') return { ...look, letters: text === '\\p{L}' || text === '[\\p{L}\\p{N}]' };
      return { kind: 'group', branches };
    }
    if (c === '[') return readClass();
    if (c === '\\') return readEscape();
    i++;
    if (c === '.') return { kind: 'set', separator: false };
    if (c === '^') return { kind: 'caret' };
    if (c === '$') return { kind: 'dollar' };
    return { kind: 'char', c };
  };
  const readEscape = (): Node => {
    const e = source[i + 1]!;
    i += 2;
    if (e === 'b') return { kind: 'boundary' };
    if (e === 'p' || e === 'P') {
      i = source.indexOf('}', i) + 1;
      return { kind: 'set', separator: false };
    }
    if (e === 's') return { kind: 'set', separator: true };
    if ('wWdDSB'.includes(e)) return { kind: 'set', separator: false };
    if (e === 'n' || e === 't' || e === 'r') return { kind: 'char', c: e === 'n' ? '\n' : e === 't' ? '\t' : '\r' };
    if (e === 'u' || e === 'x') {
      const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2})/.exec(source.slice(i))!;
      i += m[0].length;
      return { kind: 'char', c: String.fromCodePoint(Number.parseInt(m[0].replace(/[{}]/g, ''), 16)) };
    }
    if (/[a-zA-Z0-9]/.test(e)) throw new Unreadable();
    return { kind: 'char', c: e };
  };
  // A class is a separator when it lists only characters that are neither ASCII word characters nor letters.
  const readClass = (): Node => {
    i++;
    let separator = source[i] !== '^';
    while (i < source.length && source[i] !== ']') {
      if (source[i] === '\\') {
        const e = source[i + 1]!;
        if (e === 'p' || e === 'P') {
          separator = false;
          i = source.indexOf('}', i) + 1;
          continue;
        }
        if (/[a-zA-Z0-9]/.test(e) && e !== 'n' && e !== 's') separator = false;
        i += 2;
        continue;
      }
      if (source[i + 1] === '-' && source[i + 2] !== ']') separator = false;
      else if (isAsciiWord(source[i]!.toLowerCase()) || isLetter(source[i]!)) separator = false;
      i++;
    }
    i++;
    return { kind: 'set', separator };
  };
  const top = alternation();
  if (i !== source.length) throw new Unreadable();
  return [{ kind: 'group', branches: top }];
}

/**
 * Where a scan stands: `start` is the way the next character begins a word (null when it may be inside one);
 * `word` is the part of the first word read so far.
 */
interface State {
  readonly start: Mode | 'both' | null;
  readonly word: string;
}

const DEPTH = 64;

/** The first-word keys of every match of `items`, or null. */
function scan(items: readonly Node[], state: State, depth: number): Set<number> | null {
  if (depth > DEPTH) return null;
  const mode: Mode | null = state.word === '' ? null : wordMode(state);
  if (items.length === 0) return state.word === '' ? null : end(state, mode, false);
  const [x, ...rest] = items as [Node, ...Node[]];
  switch (x.kind) {
    case 'char': {
      if (state.word !== '') {
        if (inMode(mode!, x.c)) return scan(rest, { ...state, word: state.word + x.c }, depth + 1);
        return end(state, mode, true);
      }
      if (isAsciiWord(x.c) || isLetter(x.c)) {
        if (state.start === null) return null;
        if (state.start !== 'both' && !inMode(state.start, x.c)) return null;
        return scan(rest, { start: state.start, word: x.c }, depth + 1);
      }
      lead = true;
      return scan(rest, { start: 'both', word: '' }, depth + 1);
    }
    case 'set':
      if (state.word !== '') return x.separator ? end(state, mode, true) : end(state, mode, false);
      if (!x.separator) return null;
      lead = true;
      return scan(rest, { start: 'both', word: '' }, depth + 1);
    case 'boundary':
      if (state.word !== '') return mode === 'ascii' ? end(state, mode, true) : null;
      return scan(rest, { start: state.start === 'both' ? 'both' : 'ascii', word: '' }, depth + 1);
    case 'caret':
      return scan(rest, { start: 'both', word: '' }, depth + 1);
    case 'dollar':
      return state.word === '' ? null : end(state, mode, true);
    case 'look':
      if (state.word !== '') {
        // (?!\p{L}) ends a word of letters; other lookaheads may let it go on.
        if (!x.behind && x.negative && x.letters && mode === 'letters') return end(state, mode, true);
        return end(state, mode, false);
      }
      if (x.behind && x.negative && x.letters)
        return scan(rest, { start: state.start === 'both' ? 'both' : 'letters', word: '' }, depth + 1);
      return scan(rest, state, depth + 1);
    case 'group':
      return union(x.branches.map((b) => () => scan([...b, ...rest], state, depth + 1)));
    case 'repeat': {
      const { node, min, max } = x;
      if (min >= 1) {
        const again: Node[] = max - 1 > 0 ? [{ kind: 'repeat', node, min: min - 1, max: max - 1 }] : [];
        return scan([node, ...again, ...rest], state, depth + 1);
      }
      if (max > 1) {
        // Zero or more separators: the next word begins a word either way when one did already.
        if (node.kind === 'set' && node.separator && state.word === '' && state.start !== null) {
          lead = true;
          return scan(rest, { start: 'both', word: '' }, depth + 1);
        }
        if (state.word !== '')
          return node.kind === 'set' && node.separator ? end(state, mode, true) : end(state, mode, false);
        return null;
      }
      return union([() => scan(rest, state, depth + 1), () => scan([node, ...rest], state, depth + 1)]);
    }
  }
}

/** How the word being read is seen: the way its start was given, narrowed to what its letters allow. */
function wordMode(state: State): Mode {
  if (state.start === 'ascii' || state.start === 'letters') return state.start;
  return [...state.word].every(isAsciiWord) ? 'ascii' : 'letters';
}

/** The key of the word read so far; `exact` when it is known to end here. */
function end(state: State, mode: Mode | null, exact: boolean): Set<number> | null {
  if (mode === null) return null;
  if (!exact && state.word.length < KEY) return null;
  if (state.start === 'both' && mode === 'ascii' && ![...state.word].every(isAsciiWord)) return null;
  return new Set([keyOf(mode, state.word, exact)]);
}

function union(parts: ReadonlyArray<() => Set<number> | null>): Set<number> | null {
  const out = new Set<number>();
  for (const part of parts) {
    const keys = part();
    if (keys === null) return null;
    for (const k of keys) out.add(k);
  }
  return out;
}
