import { type Request, type Response, Router } from 'express';
import {
  type ConfigDocument,
  DocumentError,
  modelsOf,
  shownToken,
  withActive,
  withModel,
  withOrder,
  withoutModel,
  withoutProvider,
  withPricing,
  withProvider,
} from '../configs/config-document.js';
import type { StoredConfig } from '../configs/config-store.js';
import { sendPage } from '../http/context.js';
import { formFields, formText } from '../http/form.js';
import { html } from '../http/html.js';
import { requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { gatewayVerdict } from './configs-pages.js';
import { csrfField, errorLine, layout } from './layout.js';
import { providerFromForm, providerInputs } from './provider-form.js';

const NOTICES = ['saved', 'activated', 'restored'] as const;
/** The config page: its models and providers as forms, provider order by drag and drop, and what to do with it. */
export async function renderEditor(
  req: Request,
  res: Response,
  status: number,
  config: StoredConfig,
  error: string | null,
) {
  const { t, user } = req.page;
  const notice = NOTICES.find((n) => n === req.query['notice']);
  const f = csrfField(req.page);
  const keys = (group: string, model: string) =>
    html`<input type="hidden" name="group" value="${group}"><input type="hidden" name="model" value="${model}"><input type="hidden" name="version" value="${config.version}">`;
  const models = modelsOf(config.document);
  const body = html`${errorLine(error)}
<p class="actions">
  <span class="tag">v${config.version}</span>
  <a class="button" href="/configs/${config.id}/versions">${t.versions}</a>
  <a class="button" href="/configs/${config.id}/export">${t.export}</a>
  ${
    user!.role === 'admin'
      ? html`<form method="post" action="/configs/${config.id}/activate" class="inline">${f}<button class="primary" id="activate">${t.activate}</button></form>
  <form method="post" action="/configs/${config.id}/delete" class="inline" data-confirm="${t.confirm_delete}">${f}<button class="danger">${t.delete}</button></form>`
      : ''
  }
</p>
${models.map(
  (m) => html`<section class="model card" data-model="${m.name}">
  <h2>${m.name} <small>${m.group}</small> ${m.active ? html`<span class="tag ok">${t.active}</span>` : html`<span class="tag">${t.inactive}</span>`}</h2>
  <form method="post" action="/configs/${config.id}/order" class="reorder">${f}${keys(m.group, m.name)}
    <input type="hidden" name="order" value="${m.providers.map((_, i) => i).join(',')}">
    <ol class="providers" data-sortable>
    ${m.providers.map(
      (p, i) => html`<li draggable="true" data-index="${i}" data-provider="${String(p['id'] ?? '')}">
      <span class="grip" aria-hidden="true">⠿</span>
      <strong>${String(p['id'] ?? '')}</strong> <code>${String(p['api_type'] ?? '')}</code> <span class="host">${String(p['api_host'] ?? '')}</span>
      ${p['model_path'] ? html`<span>→ ${String(p['model_path'])}</span>` : ''}
      ${p['api_token'] ? html`<span class="token">${shownToken(p['api_token'])}</span>` : ''}
      <span class="move"><button name="move" value="${i}:up" aria-label="${t.move_up}">↑</button><button name="move" value="${i}:down" aria-label="${t.move_down}">↓</button></span>
      <a href="/configs/${config.id}/provider?group=${encodeURIComponent(m.group)}&amp;model=${encodeURIComponent(m.name)}&amp;index=${i}">${t.edit}</a>
    </li>`,
    )}
    </ol>
    <noscript><button>${t.save_order}</button></noscript>
  </form>
  <details><summary>${t.provider_add}</summary>
    <form method="post" action="/configs/${config.id}/provider" class="provider-form">${f}${keys(m.group, m.name)}
      ${providerInputs(req.page, null)}<button>${t.provider_add}</button></form>
  </details>
  <form method="post" action="/configs/${config.id}/pricing" class="pricing">${f}${keys(m.group, m.name)}
    <label>${t.price_input}<input name="input_per_million" inputmode="decimal" value="${String(m.pricing?.['input_per_million'] ?? '')}"></label>
    <label>${t.price_output}<input name="output_per_million" inputmode="decimal" value="${String(m.pricing?.['output_per_million'] ?? '')}"></label>
    <button>${t.save}</button>
  </form>
  <div class="actions">
    <form method="post" action="/configs/${config.id}/active" class="inline">${f}${keys(m.group, m.name)}<input type="hidden" name="active" value="${m.active ? '' : '1'}"><button>${m.active ? t.deactivate_model : t.activate_model}</button></form>
    <form method="post" action="/configs/${config.id}/model/delete" class="inline" data-confirm="${t.confirm_delete}">${f}${keys(m.group, m.name)}<button class="danger">${t.model_delete}</button></form>
  </div>
</section>`,
)}
<details class="card"><summary>${t.model_add}</summary>
<form method="post" action="/configs/${config.id}/model" class="provider-form">${f}<input type="hidden" name="version" value="${config.version}">
  <label>${t.group}<input name="group" required value="openai_models"></label>
  <label>${t.model_name}<input name="model" required></label>
  <label class="flag"><input type="checkbox" name="active" value="1" checked>${t.active}</label>
  <h3>${t.first_provider}</h3>${providerInputs(req.page, null)}
  <button>${t.model_add}</button>
</form></details>`;
  sendPage(res, status, layout(req.page, config.name, body, notice ? t[`notice_${notice}`] : ''));
}

/** Edits of a config: each one checked by the gateway and saved as a new version, or refused with its reason. */
export function configEditor(deps: WebDeps): Router {
  const router = Router();
  router.use('/configs/:id', requireUser);

  const load = async (req: Request, res: Response): Promise<StoredConfig | null> => {
    const config = await deps.configs.get(Number(req.params['id']));
    if (!config) res.status(404).type('text/plain').send(req.page.t.not_found);
    return config;
  };

  router.get('/configs/:id', async (req, res) => {
    const config = await load(req, res);
    if (config) await renderEditor(req, res, 200, config, null);
  });

  /** One edit: `change` makes the next document from this one (throwing DocumentError when the form is stale). */
  const edit =
    (describe: (req: Request) => string, change: (doc: ConfigDocument, req: Request) => ConfigDocument | string) =>
    async (req: Request, res: Response) => {
      const config = await load(req, res);
      if (!config) return;
      const { t, user } = req.page;
      if (Number(formText(req, 'version')) !== config.version)
        return renderEditor(req, res, 409, config, t.edit_conflict);
      let next: ConfigDocument | string;
      try {
        next = change(config.document, req);
      } catch (err) {
        if (!(err instanceof DocumentError)) throw err;
        return renderEditor(req, res, 409, config, t[`document_${err.message}` as keyof typeof t] ?? t.edit_conflict);
      }
      if (typeof next === 'string') return renderEditor(req, res, 400, config, next);
      const verdict = await gatewayVerdict(deps, next);
      if (verdict) return renderEditor(req, res, 422, config, verdict);
      const saved = await deps.configs.update(config.id, config.version, next, user!.username, describe(req));
      if (saved === null) return renderEditor(req, res, 409, (await deps.configs.get(config.id))!, t.edit_conflict);
      res.redirect(303, `/configs/${config.id}?notice=saved`);
    };

  const at = (req: Request) => [formText(req, 'group'), formText(req, 'model')] as const;
  const providerOf = (req: Request, previous: Record<string, unknown> | null) => {
    const p = providerFromForm(formFields(req), previous);
    return 'wrong' in p ? `${req.page.t.field_not_number}: ${p.wrong}` : p;
  };

  router.post(
    '/configs/:id/order',
    edit(
      (req) => `${req.page.t.change_order}: ${at(req)[1]}`,
      (doc, req) => {
        const [group, model] = at(req);
        let order = formText(req, 'order').split(',').map(Number);
        // The buttons that stand in for dragging: one provider one place up or down.
        const move = /^(\d+):(up|down)$/.exec(formText(req, 'move'));
        if (move) {
          const from = Number(move[1]);
          const to = move[2] === 'up' ? from - 1 : from + 1;
          order = order.map((_, i) => i);
          if (to < 0 || to >= order.length) return doc;
          [order[from], order[to]] = [order[to]!, order[from]!];
        }
        return withOrder(doc, group, model, order);
      },
    ),
  );

  router.post(
    '/configs/:id/provider',
    edit(
      (req) =>
        `${formText(req, 'index') === '' ? req.page.t.change_provider_added : req.page.t.change_provider_edited}: ${formText(req, 'id')}`,
      (doc, req) => {
        const [group, model] = at(req);
        const index = formText(req, 'index') === '' ? null : Number(formText(req, 'index'));
        const previous =
          index === null
            ? null
            : (modelsOf(doc).find((m) => m.group === group && m.name === model)?.providers[index] ?? null);
        if (index !== null && previous === null) throw new DocumentError('provider_missing');
        const provider = providerOf(req, previous);
        return typeof provider === 'string' ? provider : withProvider(doc, group, model, index, provider);
      },
    ),
  );

  router.post(
    '/configs/:id/pricing',
    edit(
      (req) => `${req.page.t.change_pricing}: ${at(req)[1]}`,
      (doc, req) => {
        const [input, output] = [formText(req, 'input_per_million').trim(), formText(req, 'output_per_million').trim()];
        if (input === '' && output === '') return withPricing(doc, ...at(req), null);
        const prices = [Number(input), Number(output)];
        // Both or neither: the gateway's pricing has both fields, and a half-set price would be refused there.
        if (input === '' || output === '' || prices.some((n) => !Number.isFinite(n)))
          return `${req.page.t.field_not_number}: ${input === '' || !Number.isFinite(prices[0]!) ? 'input_per_million' : 'output_per_million'}`;
        return withPricing(doc, ...at(req), { input_per_million: prices[0]!, output_per_million: prices[1]! });
      },
    ),
  );

  router.post(
    '/configs/:id/provider/delete',
    edit(
      (req) => `${req.page.t.change_provider_deleted}: ${at(req)[1]} #${Number(formText(req, 'index')) + 1}`,
      (doc, req) => withoutProvider(doc, ...at(req), Number(formText(req, 'index'))),
    ),
  );

  router.post(
    '/configs/:id/model',
    edit(
      (req) => `${req.page.t.change_model_added}: ${formText(req, 'model')}`,
      (doc, req) => {
        const provider = providerOf(req, null);
        const [group, model] = [formText(req, 'group').trim(), formText(req, 'model').trim()];
        return typeof provider === 'string'
          ? provider
          : withModel(doc, group, model, provider, formText(req, 'active') === '1');
      },
    ),
  );

  router.post(
    '/configs/:id/model/delete',
    edit(
      (req) => `${req.page.t.change_model_deleted}: ${at(req)[1]}`,
      (doc, req) => withoutModel(doc, ...at(req)),
    ),
  );

  router.post(
    '/configs/:id/active',
    edit(
      (req) =>
        `${formText(req, 'active') === '1' ? req.page.t.activate_model : req.page.t.deactivate_model}: ${at(req)[1]}`,
      (doc, req) => withActive(doc, ...at(req), formText(req, 'active') === '1'),
    ),
  );

  // Activation hands the whole config to the gateway, which checks it, writes it and swaps it in; its refusal
  // (or silence) is shown on the config's page, and nothing is recorded as active.
  router.post('/configs/:id/activate', async (req, res) => {
    const { t, user } = req.page;
    if (user!.role !== 'admin') return res.status(403).type('text/plain').send(t.admins_only);
    const config = await load(req, res);
    if (!config) return;
    const answer = await deps.gateway.admin<{ version: string }>('POST', 'models-config', config.document);
    if (!answer.ok) return renderEditor(req, res, 502, config, `${t.activation_failed}: ${answer.message}`);
    await deps.configs.activated(config.id, config.version, answer.body.version, user!.username);
    res.redirect(303, `/configs/${config.id}?notice=activated`);
  });

  router.get('/configs/:id/provider', async (req, res) => {
    const config = await load(req, res);
    if (!config) return;
    const { t } = req.page;
    const [group, model, index] = [
      String(req.query['group'] ?? ''),
      String(req.query['model'] ?? ''),
      Number(req.query['index']),
    ];
    const provider = modelsOf(config.document).find((m) => m.group === group && m.name === model)?.providers[index];
    if (!provider) return res.status(404).type('text/plain').send(t.not_found);
    const f = csrfField(req.page);
    const keys = html`<input type="hidden" name="group" value="${group}"><input type="hidden" name="model" value="${model}"><input type="hidden" name="index" value="${index}"><input type="hidden" name="version" value="${config.version}">`;
    sendPage(
      res,
      200,
      layout(
        req.page,
        `${t.provider_edit}: ${String(provider['id'] ?? '')}`,
        html`<p><a href="/configs/${config.id}">← ${config.name}</a> · ${model}</p>
<form method="post" action="/configs/${config.id}/provider" class="card provider-form">${f}${keys}${providerInputs(req.page, provider)}
  <button class="primary">${t.save}</button>
  <button type="button" data-check-host>${t.check_host}</button> <output data-check-result></output>
</form>
<form method="post" action="/configs/${config.id}/provider/delete" data-confirm="${t.confirm_delete}">${f}${keys}<button class="danger">${t.provider_delete}</button></form>`,
      ),
    );
  });
  return router;
}
