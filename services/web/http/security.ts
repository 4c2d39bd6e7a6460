import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { pageContext } from './context.js';
import type { WebDeps } from './web-deps.js';

// With Secure cookies, the __Host- prefix: the browser then refuses them from an insecure origin, a subdomain
// or another path.
export const cookieNames = (secure: boolean) => ({
  session: secure ? '__Host-llmr_session' : 'llmr_session',
  csrf: secure ? '__Host-llmr_csrf' : 'llmr_csrf',
});

export function cookie(res: Response, secure: boolean, name: string, value: string, maxAgeS: number | null): void {
  res.append(
    'set-cookie',
    serialize(name, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      ...(maxAgeS === null ? {} : { maxAge: maxAgeS }),
    }),
  );
}

const sameToken = (a: string, b: string) =>
  a.length > 0 && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Headers every answer gets: no script but ours, no framing, no sniffing, no referrer to other sites. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  });
  next();
}

/**
 * Finds the session from its cookie and sets the page context. Before sign-in, a pre-session token cookie stands
 * in for the session's, so the login and setup forms are CSRF-protected too.
 */
export function sessionLoader(deps: WebDeps) {
  const names = cookieNames(deps.settings.secureCookies);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const cookies = parse(req.headers.cookie ?? '');
    const user = await deps.sessions.find(cookies[names.session]);
    let csrf = user?.csrf ?? cookies[names.csrf] ?? '';
    if (!user && !/^[\w-]{32}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      cookie(res, deps.settings.secureCookies, names.csrf, csrf, null);
    }
    req.page = pageContext(req, user, csrf, cookies);
    next();
  };
}

/**
 * Every request that changes something (any method but GET and HEAD) must carry the page's token, in the form
 * (`_csrf`) or in `x-csrf-token`, and must not come from another origin.
 */
export function csrfCheck(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') {
    next();
    return;
  }
  const origin = req.headers.origin;
  const host = req.headers.host;
  const sent = (req.body as Record<string, unknown> | undefined)?.['_csrf'] ?? req.headers['x-csrf-token'];
  const fromHere = origin === undefined || origin === `${req.protocol}://${host}`;
  if (!fromHere || typeof sent !== 'string' || !sameToken(sent, req.page.csrf)) {
    res.status(403).type('text/plain').set('cache-control', 'no-store').send(req.page.t.csrf_refused);
    return;
  }
  next();
}

export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (req.page.user) {
    next();
    return;
  }
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl.startsWith('/') ? req.originalUrl : '/')}`);
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  if (req.page.user?.role === 'admin') next();
  else if (!req.page.user) requireUser(req, res, next);
  else res.status(403).type('text/plain').set('cache-control', 'no-store').send(req.page.t.admins_only);
}
