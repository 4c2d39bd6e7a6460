import { eventTooLarge, upstreamStreamBroken } from '../errors/errors.js';
import { END_MARKER, faultOf, type StreamFormat } from './stream-events.js';

/**
 * The events of a pass-through stream, checked as they pass, followed across chunks: a provider's in-band error
 * event is not forwarded as the provider wrote it (it may name hosts, paths or keys), and an event that is not
 * JSON is not forwarded at all. A stream that ends without its family's end marker was cut.
 *
 * This runs on every chunk of every pass-through stream, so it reads bytes as Latin-1: every ASCII byte keeps
 * its place (UTF-8 never puts one inside a multi-byte character), so a string offset is a byte offset, lines
 * split where the bytes do, and no decoder state crosses chunks. What the ASCII tests cannot vouch for is
 * decoded as UTF-8 and judged by `faultOf`, so the verdicts are the decoded text's.
 */
export class EventCheck {
  /** The fault that stopped the stream: the caller forwards the clean bytes `push` returned, then throws it. */
  fault: Error | null = null;
  /** The line begun and not yet ended, as its chunks (joined once it ends: a long line costs no copy per chunk). */
  private carry: string[] = [];
  private carried = 0;
  private ended = false;

  /** `maxLine`: the longest line taken, in bytes (one event larger than a whole answer may be is a fault). */
  constructor(
    private readonly format: StreamFormat,
    private readonly providerId: string,
    private readonly maxLine: number,
  ) {}

  /** How many of the chunk's bytes may go out: all, or those before a bad line (with `fault` set). */
  push(bytes: Buffer): number {
    const chunk = bytes.toString('latin1');
    if (chunk.indexOf('\n') === -1) return this.hold(chunk, bytes.length);
    const carried = this.carried;
    const text = carried === 0 ? chunk : this.carry.join('') + chunk;
    // One search per chunk: a line that cannot hold `"error"` needs no parsing.
    let errorAt = text.indexOf('"error"');
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      if (errorAt !== -1 && errorAt < from) errorAt = text.indexOf('"error"', from);
      const mentionsError = errorAt !== -1 && errorAt < nl;
      if (!this.plainEvent(text, from, nl, mentionsError)) {
        const fault = faultOf(Buffer.from(text.slice(from, nl), 'latin1').toString('utf8'), this.format);
        if (fault) {
          this.fault = fault;
          // What an earlier chunk began of the bad line is out already; the rest of it is not.
          return Math.max(0, from - carried);
        }
      }
      from = nl + 1;
    }
    // In a complete line only (none holds a newline, so the first found is in one when it starts before `from`).
    if (!this.ended) this.ended = (END_MARKER.exec(text)?.index ?? from) < from;
    this.carry = [];
    this.carried = 0;
    return from < text.length ? this.hold(text.slice(from), bytes.length) : bytes.length;
  }

  /** At the end of the body: throws when the stream was cut (or its last, unterminated line is bad). */
  end(): void {
    if (!this.ended && this.carried > 0) {
      const last = this.carry.join('');
      const fault = faultOf(Buffer.from(last, 'latin1').toString('utf8'), this.format);
      if (fault) throw fault;
      this.ended = END_MARKER.test(last);
    }
    if (!this.ended) throw upstreamStreamBroken(this.providerId, new Error('the stream ended without its end event'));
  }

  /** Keeps the unended line's part; past `maxLine`, nothing more of the chunk goes out and the stream fails. */
  private hold(part: string, size: number): number {
    this.carry.push(part);
    this.carried += part.length;
    if (this.carried <= this.maxLine) return size;
    this.fault = eventTooLarge(this.providerId, this.maxLine);
    return 0;
  }

  /**
   * Whether line [from, to) is one `faultOf` passes without parsing: no data, `[DONE]`, or an object that does
   * not mention an error. False only means "ask `faultOf`".
   */
  private plainEvent(text: string, from: number, to: number, mentionsError: boolean): boolean {
    let a = from;
    if (this.format === 'sse') {
      if (!text.startsWith('data:', a)) return true;
      a += 5;
    }
    let b = to;
    while (a < b && isAsciiSpace(text.charCodeAt(a))) a++;
    while (b > a && isAsciiSpace(text.charCodeAt(b - 1))) b--;
    if (a === b) return true;
    if (text.charCodeAt(a) === OPEN_BRACE && text.charCodeAt(b - 1) === CLOSE_BRACE) return !mentionsError;
    return b - a === 6 && text.startsWith('[DONE]', a);
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
