import { type Request, type Response, Router } from 'express';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { formText } from '../http/form.js';
import { html } from '../http/html.js';
import { cookie, cookieNames, requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { formPage } from './layout.js';
import { ensureProject } from './projects-pages.js';

const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** A path of this site to go back to; anything else (another host, `//evil`) goes home. */
export const localPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';

export const hasUsers = async (deps: WebDeps): Promise<boolean> =>
  (await deps.db.get('SELECT 1 AS x FROM users LIMIT 1')) !== undefined;

/** First-run setup (the first admin), sign-in with a rate limit, sign-out, password change; language and theme. */
export function authPages(deps: WebDeps): Router {
  const router = Router();
  const names = cookieNames(deps.settings.secureCookies);

  const setupForm = (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    formPage(req, res, status, {
      title: t.setup_title,
      action: '/setup',
      error,
      inside: html`
  <label>${t.username}<input name="username" autocomplete="username" required value="${formText(req, 'username')}"></label>
  <label>${t.password}<input name="password" type="password" autocomplete="new-password" required minlength="12"></label>
  <button>${t.setup_submit}</button>
`,
      narrow: true,
      intro: t.setup_intro,
    });
  };

  router.get('/setup', async (req, res) => {
    if (await hasUsers(deps)) return res.redirect(303, '/login');
    setupForm(req, res, 200, null);
  });

  router.post('/setup', async (req, res) => {
    const { t } = req.page;
    const username = formText(req, 'username').trim();
    const password = formText(req, 'password');
    if (!USERNAME.test(username)) return setupForm(req, res, 400, t.username_invalid);
    const problem = passwordProblem(password);
    if (problem) return setupForm(req, res, 400, t[problem]);
    const hash = await hashPassword(password);
    // Only while there is no user: two first visitors racing get one admin, the other a sign-in page.
    const created = await deps.db.transaction(async (tx) => {
      if ((await tx.get('SELECT 1 AS x FROM users LIMIT 1')) !== undefined) return null;
      return (
        await tx.run(
          "INSERT INTO users (username, password_hash, role, active, created_at) VALUES (?, ?, 'admin', 1, ?) RETURNING id",
          [username, hash, Date.now()],
        )
      ).id;
    });
    if (created === null) return res.redirect(303, '/login');
    await ensureProject(deps);
    await signIn(res, created);
    res.redirect(303, '/configs');
  });

  const loginForm = (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    formPage(req, res, status, {
      title: t.login_title,
      action: '/login',
      error,
      inside: html`
  <input type="hidden" name="next" value="${localPath(req.query['next'] ?? formText(req, 'next'))}">
  <label>${t.username}<input name="username" autocomplete="username" required autofocus value="${formText(req, 'username')}"></label>
  <label>${t.password}<input name="password" type="password" autocomplete="current-password" required></label>
  <button>${t.login_submit}</button>
`,
      narrow: true,
    });
  };

  const signIn = async (res: Response, userId: number) => {
    const secret = await deps.sessions.start(userId);
    cookie(res, deps.settings.secureCookies, names.session, secret, Math.floor(deps.settings.sessionMs / 1000));
  };

  router.get('/login', async (req, res) => {
    if (!(await hasUsers(deps))) return res.redirect(303, '/setup');
    if (req.page.user) return res.redirect(303, localPath(req.query['next']));
    loginForm(req, res, 200, null);
  });

  router.post('/login', async (req, res) => {
    const { t } = req.page;
    const username = formText(req, 'username').trim();
    const address = req.ip ?? '';
    const wait = await deps.throttle.waitFor(username, address);
    if (wait > 0) {
      res.set('retry-after', String(wait));
      return loginForm(req, res, 429, t.login_throttled.replace('{s}', String(wait)));
    }
    const row = await deps.db.get('SELECT id, password_hash, active FROM users WHERE username = ?', [username]);
    // A missing user costs the same hashing as a wrong password, so timing does not tell which names exist.
    const ok = await verifyPassword(formText(req, 'password'), row ? String(row['password_hash']) : DUMMY_HASH);
    if (!row || !ok || Number(row['active']) !== 1) {
      await deps.throttle.failed(username, address);
      return loginForm(req, res, 401, t.login_failed);
    }
    await deps.throttle.succeeded(username);
    await signIn(res, Number(row['id']));
    res.redirect(303, localPath(formText(req, 'next')));
  });

  router.post('/logout', async (req, res) => {
    if (req.page.user) await deps.sessions.end(req.page.user.id);
    cookie(res, deps.settings.secureCookies, names.session, '', 0);
    res.redirect(303, '/login');
  });

  const passwordForm = (req: Request, res: Response, status: number, error: string | null, done = false) => {
    const { t } = req.page;
    formPage(req, res, status, {
      title: t.password_title,
      action: '/password',
      error,
      inside: html`
  <label>${t.password_current}<input name="current" type="password" autocomplete="current-password" required></label>
  <label>${t.password_new}<input name="password" type="password" autocomplete="new-password" required minlength="12"></label>
  <button>${t.save}</button>
`,
      narrow: true,
      notice: done ? t.password_changed : '',
    });
  };

  router.get('/password', requireUser, (req, res) => passwordForm(req, res, 200, null));
  router.post('/password', requireUser, async (req, res) => {
    const { t, user } = req.page;
    const row = await deps.db.get('SELECT password_hash FROM users WHERE id = ?', [user!.userId]);
    if (!row || !(await verifyPassword(formText(req, 'current'), String(row['password_hash']))))
      return passwordForm(req, res, 400, t.password_wrong);
    const problem = passwordProblem(formText(req, 'password'));
    if (problem) return passwordForm(req, res, 400, t[problem]);
    await deps.db.run('UPDATE users SET password_hash = ? WHERE id = ?', [
      await hashPassword(formText(req, 'password')),
      user!.userId,
    ]);
    await deps.sessions.endAllOf(user!.userId, user!.id);
    passwordForm(req, res, 200, null, true);
  });

  // Language and theme are preferences, not state: a cookie and back to the page.
  router.get('/lang/:lang', (req, res) => {
    const lang = req.params['lang'] === 'pl' ? 'pl' : 'en';
    cookie(res, deps.settings.secureCookies, 'lang', lang, 365 * 86_400);
    res.redirect(303, localPath(req.query['back']));
  });
  router.get('/theme/:theme', (req, res) => {
    const theme = req.params['theme'] === 'dark' ? 'dark' : 'light';
    cookie(res, deps.settings.secureCookies, 'theme', theme, 365 * 86_400);
    res.redirect(303, localPath(req.query['back']));
  });

  router.get('/', async (req, res) => {
    if (!(await hasUsers(deps))) return res.redirect(303, '/setup');
    res.redirect(303, req.page.user ? '/configs' : '/login');
  });
  return router;
}

// A real scrypt hash of a random password, made at start-up: what a login for an unknown name is checked against.
let DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
export async function prepareLogins(): Promise<void> {
  DUMMY_HASH = await hashPassword(Math.random().toString(36));
}
