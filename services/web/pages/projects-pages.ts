import { parse } from 'cookie';
import { type Request, type Response, Router } from 'express';
import { sendPage } from '../http/context.js';
import { formText } from '../http/form.js';
import { html } from '../http/html.js';
import { cookie, requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { csrfField, errorLine, layout } from './layout.js';

const NAME = /^[\p{L}\p{N} ._-]{1,80}$/u;

export async function ensureProject(deps: WebDeps): Promise<void> {
  if (!(await deps.db.get('SELECT 1 AS x FROM projects LIMIT 1')))
    await deps.db.run('INSERT INTO projects (name, created_at) VALUES (?, ?)', ['default', Date.now()]);
}

/** The project chosen (a cookie), or the first one when none is chosen or it was deleted. */
export async function currentProject(deps: WebDeps, req: Request): Promise<{ id: number; name: string }> {
  await ensureProject(deps);
  const chosen = Number(parse(req.headers.cookie ?? '')['project'] ?? 0);
  const row =
    (await deps.db.get('SELECT id, name FROM projects WHERE id = ?', [chosen])) ??
    (await deps.db.get('SELECT id, name FROM projects ORDER BY id LIMIT 1'));
  return { id: Number(row!['id']), name: String(row!['name']) };
}

export function projectsPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/projects', requireUser);

  const list = async (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    const current = await currentProject(deps, req);
    const rows = await deps.db.all(
      'SELECT p.id, p.name, (SELECT COUNT(*) FROM configs c WHERE c.project_id = p.id) AS configs FROM projects p ORDER BY p.name',
    );
    const admin = req.page.user!.role === 'admin';
    sendPage(
      res,
      status,
      layout(
        req.page,
        t.projects_title,
        html`${errorLine(error)}
<table class="list"><thead><tr><th>${t.name}</th><th>${t.nav_configs}</th><th></th></tr></thead><tbody>
${rows.map(
  (
    r,
  ) => html`<tr data-project="${r['name']}"><td>${r['name']}${Number(r['id']) === current.id ? html` <span class="tag">${t.current}</span>` : ''}</td>
  <td>${r['configs']}</td>
  <td class="actions">
    <form method="post" action="/projects/${r['id']}/select" class="inline">${csrfField(req.page)}<button>${t.select}</button></form>
    ${
      admin
        ? html`<form method="post" action="/projects/${r['id']}/rename" class="inline">${csrfField(req.page)}<input name="name" aria-label="${t.name}" value="${r['name']}" required><button>${t.rename}</button></form>
    <form method="post" action="/projects/${r['id']}/delete" class="inline" data-confirm="${t.confirm_delete}">${csrfField(req.page)}<button class="danger">${t.delete}</button></form>`
        : ''
    }
  </td></tr>`,
)}
</tbody></table>
${
  admin
    ? html`<form method="post" action="/projects" class="card narrow">${csrfField(req.page)}
  <label>${t.project_new}<input name="name" required></label><button>${t.create}</button></form>`
    : ''
}`,
      ),
    );
  };

  router.get('/projects', (req, res) => list(req, res, 200, null));

  const nameOf = (req: Request) => formText(req, 'name').trim();
  const taken = async (name: string) =>
    (await deps.db.get('SELECT 1 AS x FROM projects WHERE name = ?', [name])) !== undefined;

  router.post('/projects', async (req, res) => {
    if (req.page.user!.role !== 'admin') return res.status(403).send(req.page.t.admins_only);
    const name = nameOf(req);
    if (!NAME.test(name)) return list(req, res, 400, req.page.t.name_invalid);
    if (await taken(name)) return list(req, res, 409, req.page.t.name_taken);
    const { id } = await deps.db.run('INSERT INTO projects (name, created_at) VALUES (?, ?) RETURNING id', [
      name,
      Date.now(),
    ]);
    cookie(res, deps.settings.secureCookies, 'project', String(id), 365 * 86_400);
    res.redirect(303, '/configs');
  });

  router.post('/projects/:id/select', async (req, res) => {
    cookie(res, deps.settings.secureCookies, 'project', String(Number(req.params['id'])), 365 * 86_400);
    res.redirect(303, '/configs');
  });

  router.post('/projects/:id/rename', async (req, res) => {
    if (req.page.user!.role !== 'admin') return res.status(403).send(req.page.t.admins_only);
    const name = nameOf(req);
    if (!NAME.test(name)) return list(req, res, 400, req.page.t.name_invalid);
    if (await taken(name)) return list(req, res, 409, req.page.t.name_taken);
    await deps.db.run('UPDATE projects SET name = ? WHERE id = ?', [name, Number(req.params['id'])]);
    res.redirect(303, '/projects');
  });

  router.post('/projects/:id/delete', async (req, res) => {
    if (req.page.user!.role !== 'admin') return res.status(403).send(req.page.t.admins_only);
    const count = Number((await deps.db.get('SELECT COUNT(*) AS n FROM projects'))!['n']);
    if (count <= 1) return list(req, res, 400, req.page.t.project_last);
    await deps.db.run('DELETE FROM projects WHERE id = ?', [Number(req.params['id'])]);
    res.redirect(303, '/projects');
  });
  return router;
}
