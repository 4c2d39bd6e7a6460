import { z } from 'zod';

// The reference accepts these spellings (rdl_ml_utils.bool_env_value), including Polish "tak".
const TRUE_WORDS = new Set(['true', '1', 't', 'y', 'yes', 'tak']);
const FALSE_WORDS = new Set(['false', '0', 'f', 'n', 'no', 'nie', '']);

export const envBool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      ctx.addIssue({ code: 'custom', message: `expected one of ${[...TRUE_WORDS].join(',')} or false/0/no` });
      return z.NEVER;
    });

export const envInt = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const n = Number(raw.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

// setTimeout's longest delay: a longer one wraps to 1 ms, so a "long" deadline would fire at once.
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** A duration in seconds, bounded so that it fits a Node timer. */
export const envSeconds = (fallback: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const n = Number(raw.trim());
      if (!Number.isFinite(n) || n < min || n > MAX_TIMER_SECONDS) {
        ctx.addIssue({ code: 'custom', message: `expected seconds from ${min} to ${MAX_TIMER_SECONDS}` });
        return z.NEVER;
      }
      return n;
    });

export const envString = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? fallback : raw.trim()));

export const envEnum = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const v = raw.trim();
      if ((values as readonly string[]).includes(v)) return v as T[number];
      ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` });
      return z.NEVER;
    });

/** A comma-separated list: whitespace trimmed, empty items dropped (the reference's rule). */
export const envList = () =>
  z
    .string()
    .optional()
    .transform((raw) =>
      (raw ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
