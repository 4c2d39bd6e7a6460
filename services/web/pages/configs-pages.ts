import { type Request, type Response, Router } from 'express';
import { type ConfigDocument, parseDocument, redacted } from '../configs/config-document.js';
import { sendPage } from '../http/context.js';
import { formFields, formText } from '../http/form.js';
import { html } from '../http/html.js';
import { requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { formPage, layout } from './layout.js';
import { currentProject } from './projects-pages.js';
import { providerFromForm, providerInputs } from './provider-form.js';

const NAME = /^[\p{L}\p{N} ._-]{1,80}$/u;
/** The gateway's verdict on a document, in its own words; null when it takes it. */
export async function gatewayVerdict(deps: WebDeps, doc: ConfigDocument): Promise<string | null> {
  const answer = await deps.gateway.admin('POST', 'models-config/check', doc);
  return answer.ok ? null : answer.message;
}

/** The configs of the current project: list, new, import (paste or file), export, delete. */
export function configsPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/configs', requireUser);

  router.get('/configs', async (req, res) => {
    const { t } = req.page;
    const project = await currentProject(deps, req);
    const configs = await deps.configs.list(project.id);
    const last = await deps.configs.lastActivation();
    sendPage(
      res,
      200,
      layout(
        req.page,
        `${t.configs_title}: ${project.name}`,
        html`<p class="actions"><a class="button" href="/configs/new">${t.config_new}</a> <a class="button" href="/configs/import">${t.config_import}</a></p>
${
  configs.length === 0
    ? html`<p class="empty">${t.configs_empty}</p>`
    : html`<table class="list"><thead><tr><th>${t.name}</th><th>${t.models}</th><th>${t.version}</th><th>${t.updated}</th><th></th></tr></thead><tbody>
${configs.map(
  (c) => html`<tr data-config="${c.name}"><td><a href="/configs/${c.id}">${c.name}</a>${
    last?.configId === c.id ? html` <span class="tag ok">${t.active_on_gateway} v${last.version}</span>` : ''
  }</td><td>${Object.values(c.document.active_models).flat().length}</td><td>v${c.version}</td>
  <td><time datetime="${new Date(c.updatedAt).toISOString()}">${new Date(c.updatedAt).toISOString().slice(0, 16).replace('T', ' ')}</time></td>
  <td class="actions"><a href="/configs/${c.id}/versions">${t.versions}</a> <a href="/configs/${c.id}/export">${t.export}</a></td></tr>`,
)}</tbody></table>`
}`,
      ),
    );
  });

  const newForm = (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    formPage(req, res, status, {
      title: t.config_new,
      action: '/configs/new',
      error,
      inside: html`
  <label>${t.name}<input name="name" required value="${formText(req, 'name')}"></label>
  <fieldset><legend>${t.first_model}</legend>
    <label>${t.group}<input name="group" required value="${formText(req, 'group') || 'openai_models'}"></label>
    <label>${t.model_name}<input name="model" required value="${formText(req, 'model')}"></label>
  </fieldset>
  <fieldset><legend>${t.first_provider}</legend>${providerInputs(req.page, req.method === 'POST' ? formFields(req) : null)}</fieldset>
  <button>${t.create}</button>
`,
    });
  };

  router.get('/configs/new', (req, res) => newForm(req, res, 200, null));
  router.post('/configs/new', async (req, res) => {
    const { t, user } = req.page;
    const name = formText(req, 'name').trim();
    if (!NAME.test(name)) return newForm(req, res, 400, t.name_invalid);
    const project = await currentProject(deps, req);
    if (await deps.configs.nameTaken(project.id, name)) return newForm(req, res, 409, t.name_taken);
    const provider = providerFromForm(formFields(req), null);
    if ('wrong' in provider) return newForm(req, res, 400, `${t.field_not_number}: ${provider.wrong}`);
    const group = formText(req, 'group').trim();
    const model = formText(req, 'model').trim();
    const doc = {
      [group]: { [model]: { providers: [provider] } },
      active_models: { [group]: [model] },
    } as ConfigDocument;
    const verdict = await gatewayVerdict(deps, doc);
    if (verdict) return newForm(req, res, 422, verdict);
    const id = await deps.configs.create(project.id, name, doc, user!.username, t.change_created);
    res.redirect(303, `/configs/${id}`);
  });

  const importForm = (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    formPage(req, res, status, {
      title: t.config_import,
      action: '/configs/import',
      error,
      inside: html`
  <label>${t.name}<input name="name" required value="${formText(req, 'name')}"></label>
  <label>${t.import_file}<input type="file" accept=".json,application/json" data-fills="document"></label>
  <label>${t.import_paste}<textarea name="document" id="document" rows="18" spellcheck="false" data-drop-target required>${formText(req, 'document')}</textarea></label>
  <button>${t.import_submit}</button>
`,
    });
  };

  router.get('/configs/import', (req, res) => importForm(req, res, 200, null));
  router.post('/configs/import', async (req, res) => {
    const { t, user } = req.page;
    const name = formText(req, 'name').trim();
    if (!NAME.test(name)) return importForm(req, res, 400, t.name_invalid);
    const project = await currentProject(deps, req);
    if (await deps.configs.nameTaken(project.id, name)) return importForm(req, res, 409, t.name_taken);
    const doc = parseDocument(formText(req, 'document'));
    if (typeof doc === 'string') return importForm(req, res, 400, doc);
    const verdict = await gatewayVerdict(deps, doc);
    if (verdict) return importForm(req, res, 422, verdict);
    const id = await deps.configs.create(project.id, name, doc, user!.username, t.change_imported);
    res.redirect(303, `/configs/${id}`);
  });

  router.get('/configs/:id/export', async (req, res) => {
    const config = await deps.configs.get(Number(req.params['id']));
    if (!config) return res.status(404).send(req.page.t.not_found);
    // The file the gateway reads, tokens and all, is an admin's to take; anyone else gets it with tokens shown as ••••.
    const doc = req.page.user!.role === 'admin' ? config.document : redacted(config.document);
    res
      .set('content-disposition', 'attachment; filename="models-config.json"')
      .set('cache-control', 'no-store')
      .type('application/json')
      .send(`${JSON.stringify(doc, null, 2)}\n`);
  });

  router.post('/configs/:id/delete', async (req, res) => {
    if (req.page.user!.role !== 'admin') return res.status(403).send(req.page.t.admins_only);
    await deps.configs.remove(Number(req.params['id']));
    res.redirect(303, '/configs');
  });
  return router;
}
