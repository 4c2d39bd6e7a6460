import type { Request, Response } from 'express';
import type { SignedIn } from '../auth/sessions.js';
import { type Language, type Words, wordsOf } from '../i18n/words.js';

/** What every page is rendered with: who is signed in, in which language and theme, and the form token. */
export interface PageContext {
  readonly user: SignedIn | null;
  readonly lang: Language;
  readonly t: Words;
  readonly theme: 'light' | 'dark' | 'auto';
  /** The token forms send back: the session's, or before sign-in the pre-session cookie's. */
  readonly csrf: string;
  readonly path: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    page: PageContext;
  }
}

export const contextOf = (req: Request): PageContext => req.page;

export function pageContext(
  req: Request,
  user: SignedIn | null,
  csrf: string,
  cookies: Record<string, string | undefined>,
): PageContext {
  const lang: Language = cookies['lang'] === 'pl' || cookies['lang'] === 'en' ? cookies['lang'] : preferred(req);
  const theme = cookies['theme'] === 'dark' || cookies['theme'] === 'light' ? cookies['theme'] : 'auto';
  return { user, lang, t: wordsOf(lang), theme, csrf, path: req.path };
}

const preferred = (req: Request): Language =>
  req.headers['accept-language'] && req.acceptsLanguages('en', 'pl') === 'pl' ? 'pl' : 'en';

/** Sends a page, never cached: it may hold a user's data or a form token. */
export function sendPage(res: Response, status: number, markup: { toString(): string }): void {
  res.status(status).set('cache-control', 'no-store').type('html').send(markup.toString());
}
