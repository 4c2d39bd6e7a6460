/** Every string value inside a JSON value, in order (keys are names, not texts, and are not judged). */
export function jsonTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonTexts(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) jsonTexts(v, out);
  return out;
}

/** The same JSON value with each string replaced by `map(string)`; keys are kept. */
export function mapJsonTexts(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapJsonTexts(v, map));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJsonTexts(v, map)]));
  return value;
}
