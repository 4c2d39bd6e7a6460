import type { Request } from 'express';

/** A form field as text; '' when absent or not text (a GET has no body at all). */
export const formText = (req: Request, name: string): string => {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

/** The posted fields (or none), for code that reads several. */
export const formFields = (req: Request): Record<string, unknown> =>
  (req.body as Record<string, unknown> | undefined) ?? {};
