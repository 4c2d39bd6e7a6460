import { invalidRequest } from '../errors/errors.js';

// Small readers for untrusted request bodies: each failure is a 400 naming the field.
export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requireObject(body: unknown): Json {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object');
  return body;
}

export function requireString(obj: Json, field: string, path = field): string {
  const v = obj[field];
  if (typeof v !== 'string' || v === '')
    throw invalidRequest(`'${path}' is required and must be a non-empty string`, path);
  return v;
}

export function optionalNumber(obj: Json, field: string, path = field): number | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidRequest(`'${path}' must be a number`, path);
  return v;
}

/** Copies the fields that are present (not undefined) from `source` into `target`. */
export function copyDefined<T extends Json>(target: T, source: Json, fields: readonly string[]): T {
  for (const f of fields) if (source[f] !== undefined) (target as Json)[f] = source[f];
  return target;
}
