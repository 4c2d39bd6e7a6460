import { z } from 'zod';
import { invalidRequest } from '../errors/errors.js';
import type { Json } from './request-fields.js';

// Pieces the dialects' request schemas share. Objects are loose: a field a schema does not name is kept as the
// client sent it (and masked as text, never dropped); a field it names must have the type and range it says.

export const optionalNumber = (min: number, max: number) => z.number().min(min).max(max).nullish();
export const optionalInt = (min: number, max = Number.MAX_SAFE_INTEGER) => z.int().min(min).max(max).nullish();
export const optionalString = () => z.string().nullish();
export const optionalBoolean = () => z.boolean().nullish();
export const jsonObject = () => z.record(z.string(), z.unknown());
export const stringList = () => z.array(z.string());

/**
 * The body checked against its dialect's schema, returned as the client sent it. The first problem is a 400
 * naming the field the way a client writes it (`messages[0].content[1].text`).
 */
export function checkBody(schema: z.ZodType, raw: unknown): Json {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidRequest('The request body must be a JSON object');
  const result = schema.safeParse(raw);
  if (result.success) return raw as Json;
  const issue = deepest(result.error.issues[0]!);
  const param = fieldPath(issue.path);
  const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
  throw invalidRequest(missing ? `'${param}' is required` : `'${param}': ${lowerFirst(issue.message)}`, param);
}

type Issue = z.core.$ZodIssue;

/**
 * A union's issue names no field; the branch that got furthest does. A branch that failed on a literal or an
 * enum (`invalid_value`) is another kind of thing, so a branch of the right kind with a wrong field wins.
 */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  let best: Issue | null = null;
  const rank = (i: Issue) => i.path.length + (i.code === 'invalid_value' ? 0 : 1000);
  for (const branch of issue.errors) {
    const inner = branch[0];
    if (inner && inner.path.length > 0 && (best === null || rank(inner) > rank(best))) best = inner;
  }
  return best ? deepest({ ...best, path: [...issue.path, ...best.path] } as Issue) : issue;
}

// A path names the schema's fields, but a record's keys are the client's (a `logit_bias` key): those that are not
// field-like names are shown as `*`, since the error message reaches the log.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    const name = typeof key === 'string' && FIELD_NAME.test(key) ? key : '*';
    out += typeof key === 'number' ? `[${key}]` : out === '' ? name : `.${name}`;
  }
  return out || '(body)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
