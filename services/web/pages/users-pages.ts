import { type Request, type Response, Router } from 'express';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { sendPage } from '../http/context.js';
import { formText } from '../http/form.js';
import { html } from '../http/html.js';
import { requireAdmin } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { csrfField, errorLine, layout } from './layout.js';

const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** Users and roles (admins only): create, change role, block and unblock, set a new password. */
export function usersPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/users', requireAdmin);

  const list = async (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    const rows = await deps.db.all('SELECT id, username, role, active FROM users ORDER BY username');
    const f = csrfField(req.page);
    sendPage(
      res,
      status,
      layout(
        req.page,
        t.users_title,
        html`${errorLine(error)}
<table class="list"><thead><tr><th>${t.username}</th><th>${t.role}</th><th>${t.state}</th><th></th></tr></thead><tbody>
${rows.map(
  (
    r,
  ) => html`<tr data-user="${r['username']}"><td>${r['username']}</td><td>${r['role'] === 'admin' ? t.role_admin : t.role_user}</td>
  <td>${Number(r['active']) === 1 ? t.active : t.blocked}</td>
  <td class="actions">
    <form method="post" action="/users/${r['id']}/role" class="inline">${f}<select name="role" aria-label="${t.role}">
      <option value="user" ${r['role'] === 'user' ? 'selected' : ''}>${t.role_user}</option>
      <option value="admin" ${r['role'] === 'admin' ? 'selected' : ''}>${t.role_admin}</option></select><button>${t.save}</button></form>
    <form method="post" action="/users/${r['id']}/${Number(r['active']) === 1 ? 'block' : 'unblock'}" class="inline">${f}<button>${Number(r['active']) === 1 ? t.block : t.unblock}</button></form>
    <form method="post" action="/users/${r['id']}/password" class="inline">${f}<input name="password" type="password" aria-label="${t.password_new}" placeholder="${t.password_new}" minlength="12" required autocomplete="new-password"><button>${t.set_password}</button></form>
  </td></tr>`,
)}
</tbody></table>
<form method="post" action="/users" class="card narrow">${f}
  <h2>${t.user_new}</h2>
  <label>${t.username}<input name="username" required></label>
  <label>${t.password}<input name="password" type="password" required minlength="12" autocomplete="new-password"></label>
  <label>${t.role}<select name="role"><option value="user">${t.role_user}</option><option value="admin">${t.role_admin}</option></select></label>
  <button>${t.create}</button>
</form>`,
      ),
    );
  };

  const role = (req: Request) => (formText(req, 'role') === 'admin' ? 'admin' : 'user');
  /** The last active admin cannot be demoted or blocked: nobody could manage users any more. */
  const lastAdmin = async (id: number) => {
    const admins = await deps.db.all("SELECT id FROM users WHERE role = 'admin' AND active = 1");
    return admins.length === 1 && Number(admins[0]!['id']) === id;
  };

  router.get('/users', (req, res) => list(req, res, 200, null));

  router.post('/users', async (req, res) => {
    const { t } = req.page;
    const username = formText(req, 'username').trim();
    if (!USERNAME.test(username)) return list(req, res, 400, t.username_invalid);
    const problem = passwordProblem(formText(req, 'password'));
    if (problem) return list(req, res, 400, t[problem]);
    if (await deps.db.get('SELECT 1 AS x FROM users WHERE username = ?', [username]))
      return list(req, res, 409, t.name_taken);
    await deps.db.run('INSERT INTO users (username, password_hash, role, active, created_at) VALUES (?, ?, ?, 1, ?)', [
      username,
      await hashPassword(formText(req, 'password')),
      role(req),
      Date.now(),
    ]);
    res.redirect(303, '/users');
  });

  router.post('/users/:id/role', async (req, res) => {
    const id = Number(req.params['id']);
    if (role(req) === 'user' && (await lastAdmin(id))) return list(req, res, 400, req.page.t.last_admin);
    await deps.db.run('UPDATE users SET role = ? WHERE id = ?', [role(req), id]);
    res.redirect(303, '/users');
  });

  router.post('/users/:id/block', async (req, res) => {
    const id = Number(req.params['id']);
    if (await lastAdmin(id)) return list(req, res, 400, req.page.t.last_admin);
    await deps.db.run('UPDATE users SET active = 0 WHERE id = ?', [id]);
    await deps.sessions.endAllOf(id);
    res.redirect(303, '/users');
  });

  router.post('/users/:id/unblock', async (req, res) => {
    await deps.db.run('UPDATE users SET active = 1 WHERE id = ?', [Number(req.params['id'])]);
    res.redirect(303, '/users');
  });

  router.post('/users/:id/password', async (req, res) => {
    const problem = passwordProblem(formText(req, 'password'));
    if (problem) return list(req, res, 400, req.page.t[problem]);
    const id = Number(req.params['id']);
    await deps.db.run('UPDATE users SET password_hash = ? WHERE id = ?', [
      await hashPassword(formText(req, 'password')),
      id,
    ]);
    await deps.sessions.endAllOf(id, id === req.page.user!.userId ? req.page.user!.id : '');
    res.redirect(303, '/users');
  });
  return router;
}
