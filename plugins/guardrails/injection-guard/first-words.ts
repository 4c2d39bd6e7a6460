/**
 * Which signal patterns a text can match, read from the words it holds: every match of `\b(ignore|disregard) …`
 * begins with a word starting "ign" or "dis" (pattern-words.ts reads that from the pattern), so a text without
 * such a word is not scanned, and one with it is tried where those words begin.
 */
import { readPattern } from './pattern-words.js';
import { finish, isLetter, KEY, lettersTable, step } from './word-key.js';

/** The keys of every word of a text. */
export function wordKeys(text: string): Set<number> {
  const keys = new Set<number>();
  forEachWordKey(text, (k) => keys.add(k));
  return keys;
}

/**
 * Patterns and the first words of their matches: after `read(text)`, `mayMatch(i)` is false when pattern i
 * cannot match the text, and a pattern whose matches begin with that word (nothing consumed before it) is
 * tried only where such a word begins (`matchesAtWords`), not scanned over the whole text: on long texts
 * full of common words each scan cost tens of microseconds, a try at each word a few.
 */
export class FirstWords {
  private readonly always: Uint8Array;
  private readonly anchored: Uint8Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly sticky: RegExp[];
  // Key -> its slot, in an open-addressing table (a Map lookup per word was a tenth of the time); per slot,
  // the patterns the key starts and, for the text read last, where words with that key begin.
  private readonly slotKey: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly mask: number;
  private readonly patternsOf: Int32Array[] = [];
  private readonly slotsOf: Int32Array[];
  private readonly slotStamp: Uint32Array;
  private readonly starts: number[][] = [];
  private readonly mark = (key: number, at: number): void => {
    for (let h = hashSlot(key, this.mask); ; h = (h + 1) & this.mask) {
      const k = this.slotKey[h]!;
      if (k === -1) return;
      if (k !== key) continue;
      const slot = this.slotOf[h]!;
      if (this.slotStamp[slot] !== this.stamp) {
        this.slotStamp[slot] = this.stamp;
        this.starts[slot]!.length = 0;
        for (const i of this.patternsOf[slot]!) this.stamps[i] = this.stamp;
      }
      this.starts[slot]!.push(at);
      return;
    }
  };

  constructor(private readonly patterns: readonly RegExp[]) {
    this.always = new Uint8Array(patterns.length);
    this.anchored = new Uint8Array(patterns.length);
    this.stamps = new Uint32Array(patterns.length);
    this.sticky = patterns.map((p) => new RegExp(p.source, `${p.flags.replace('g', '')}y`));
    const byKey = new Map<number, number[]>();
    const keysOf: number[][] = [];
    patterns.forEach((p, i) => {
      const read = readPattern(p);
      keysOf.push(read?.keys ?? []);
      if (read === null) {
        this.always[i] = 1;
        return;
      }
      if (read.anchored) this.anchored[i] = 1;
      for (const k of read.keys) {
        const list = byKey.get(k);
        if (list === undefined) byKey.set(k, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    let size = 16;
    while (size < byKey.size * 4) size *= 2;
    this.mask = size - 1;
    this.slotKey = new Int32Array(size).fill(-1);
    this.slotOf = new Int32Array(size);
    const slotOfKey = new Map<number, number>();
    for (const [key, list] of byKey) {
      let h = hashSlot(key, this.mask);
      while (this.slotKey[h] !== -1) h = (h + 1) & this.mask;
      this.slotKey[h] = key;
      this.slotOf[h] = this.patternsOf.length;
      slotOfKey.set(key, this.patternsOf.length);
      this.patternsOf.push(Int32Array.from(list));
      this.starts.push([]);
    }
    this.slotStamp = new Uint32Array(this.patternsOf.length);
    this.slotsOf = keysOf.map((keys) => Int32Array.from(keys, (k) => slotOfKey.get(k)!));
  }

  read(text: string): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.slotStamp.fill(0);
      this.stamp = 1;
    }
    forEachWordKey(text, this.mark);
  }

  mayMatch(i: number): boolean {
    return this.always[i] === 1 || this.stamps[i] === this.stamp;
  }

  /** Whether pattern i matches the text read last: tried at its first words' starts, or scanned. */
  test(i: number, text: string): boolean {
    if (!this.mayMatch(i)) return false;
    if (this.anchored[i] === 0) {
      const p = this.patterns[i]!;
      p.lastIndex = 0;
      return p.test(text);
    }
    const re = this.sticky[i]!;
    for (const slot of this.slotsOf[i]!) {
      if (this.slotStamp[slot] !== this.stamp) continue;
      for (const at of this.starts[slot]!) {
        re.lastIndex = at;
        if (re.test(text)) return true;
      }
    }
    return false;
  }
}

const hashSlot = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 16) & mask;

/** Visits the key of every word of a text, both ways of seeing words, in one pass (repeats possible). */
function forEachWordKey(text: string, visit: (key: number, start: number) => void): void {
  let asciiLength = 0;
  let asciiKey = 1;
  let letterLength = 0;
  let letterKey = 2;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let code = i < n ? text.charCodeAt(i) : 32;
    let units = 1;
    let letter: boolean;
    if (code < 128) letter = ((code | 32) - 97) >>> 0 < 26;
    else if (code < 0xd800 || code > 0xdbff) letter = lettersTable()[code] === 1;
    else {
      // A letter outside the BMP is one character to \p{L}: both its halves belong to the word.
      code = text.codePointAt(i)!;
      letter = isLetter(String.fromCodePoint(code));
      units = 2;
    }
    const asciiWord = code < 128 && (letter || (code >= 48 && code <= 57) || code === 95);
    if (asciiWord) {
      if (asciiLength < KEY) asciiKey = step(asciiKey, code);
      asciiLength++;
    } else if (asciiLength > 0) {
      visit(finish(asciiKey, asciiLength < KEY), i - asciiLength);
      asciiLength = 0;
      asciiKey = 1;
    }
    if (letter) {
      if (letterLength < KEY) {
        letterKey = step(letterKey, units === 2 ? text.charCodeAt(i) : code);
        if (units === 2 && letterLength + 1 < KEY) letterKey = step(letterKey, text.charCodeAt(i + 1));
      }
      letterLength += units;
    } else if (letterLength > 0) {
      visit(finish(letterKey, letterLength < KEY), i - letterLength);
      letterLength = 0;
      letterKey = 2;
    }
    i += units - 1;
  }
}
