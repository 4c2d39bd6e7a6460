import { upstreamStreamError } from '../errors/errors.js';
import type { GatewayError } from '../errors/gateway-error.js';
import { sanitizeMessage } from '../errors/sanitize.js';
import type { ChatChunk } from './canonical.js';

/** Turns a provider's stream (text as it arrives) into canonical chunks. */
export interface StreamDecoder {
  push(text: string): ChatChunk[];
  /** Called at the end of the upstream body; returns what a truncated last line still holds. */
  end(): ChatChunk[];
}

/** Turns canonical chunks into the bytes a client's dialect expects. */
export interface StreamEncoder {
  encode(chunk: ChatChunk): string;
  /** The closing frames (e.g. `data: [DONE]`); idempotent. */
  end(): string;
  /** An in-band error frame, for errors after the headers were sent. */
  error(err: GatewayError): string;
}

/** Splits text into lines across chunk boundaries. */
export class LineSplitter {
  /** The line begun and not yet ended, as its pieces: joined once it ends, not copied for every chunk. */
  private rest: string[] = [];

  push(text: string): string[] {
    if (text.indexOf('\n') === -1) {
      if (text !== '') this.rest.push(text);
      return [];
    }
    const data = this.rest.length === 0 ? text : this.rest.join('') + text;
    const lines = data.split('\n');
    const last = lines.pop() ?? '';
    this.rest = last === '' ? [] : [last];
    return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }

  end(): string[] {
    const last = this.rest.join('');
    this.rest = [];
    return last.trim() ? [last] : [];
  }
}

/** A provider stream read line by line; subclasses turn each complete line into canonical chunks. */
export abstract class LineStreamDecoder implements StreamDecoder {
  private readonly lines = new LineSplitter();

  push(text: string): ChatChunk[] {
    return this.read(this.lines.push(text));
  }

  end(): ChatChunk[] {
    return this.read(this.lines.end());
  }

  protected abstract onLine(line: string, out: ChatChunk[]): void;

  private read(lines: string[]): ChatChunk[] {
    const out: ChatChunk[] = [];
    for (const line of lines) this.onLine(line, out);
    return out;
  }
}

/**
 * The JSON payload of an SSE `data:` line; `[DONE]`, comments and other fields give undefined. A payload that is
 * not JSON fails the stream: dropping it could drop an error and show a failure as a shorter answer.
 */
export function sseData(line: string): unknown | undefined {
  if (!line.startsWith('data:')) return undefined;
  const payload = line.slice(5).trim();
  if (payload === '[DONE]' || payload === '') return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    throw upstreamStreamError('the provider sent an event that is not JSON');
  }
}

/** The error a provider's event carries (`"error": {…}`, or Anthropic's `"type": "error"`); `"error": null` is none. */
export function eventError(event: Record<string, unknown>): GatewayError | null {
  const error = event['error'] ?? (event['type'] === 'error' ? { message: event['message'] } : null);
  if (error == null) return null;
  const message =
    typeof error === 'string'
      ? error
      : typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : 'the provider reported an error';
  return upstreamStreamError(sanitizeMessage(message));
}

export const sseFrame = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
