import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;
// A client's id goes to backends, sidecars and every log line unmasked, so it may not be able to hold an
// identifier: the shortest numbers the masker looks for (postal codes, dates, phones, PESEL, cards) have five
// or more digits.
const MAX_DIGITS = 4;

/** The client's `x-request-id` when it is a UUID or a short opaque token with at most four digits; else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string') return randomUUID();
  if (UUID.test(header)) return header;
  if (TOKEN.test(header) && digits(header) <= MAX_DIGITS) return header;
  return randomUUID();
}

function digits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
