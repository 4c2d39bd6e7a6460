import { diffLines } from 'diff';
import { type Request, type Response, Router } from 'express';
import { type ConfigDocument, redacted } from '../configs/config-document.js';
import { sendPage } from '../http/context.js';
import { formText } from '../http/form.js';
import { type Html, html } from '../http/html.js';
import { requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { gatewayVerdict } from './configs-pages.js';
import { csrfField, errorLine, layout } from './layout.js';

const pretty = (doc: ConfigDocument) => `${JSON.stringify(redacted(doc), null, 2)}\n`;

/** A line diff of two documents, tokens shown as ••••; unchanged runs longer than six lines folded. */
function diffView(before: ConfigDocument | null, after: ConfigDocument): Html {
  const parts = diffLines(before ? pretty(before) : '', pretty(after));
  return html`<pre class="diff">${parts.map((part) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added) return lines.map((l) => html`<ins>+ ${l}\n</ins>`);
    if (part.removed) return lines.map((l) => html`<del>- ${l}\n</del>`);
    const shown = lines.length > 6 ? [...lines.slice(0, 3), '…', ...lines.slice(-3)] : lines;
    return shown.map((l) => html`<span>  ${l}\n</span>`);
  })}</pre>`;
}

/** A config's versions: who changed what and when, each one's diff against the one before, and restore. */
export function versionsPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/configs/:id/versions', requireUser);

  const page = async (req: Request, res: Response, status: number, error: string | null) => {
    const { t } = req.page;
    const config = await deps.configs.get(Number(req.params['id']));
    if (!config) return res.status(404).type('text/plain').send(t.not_found);
    const versions = await deps.configs.versions(config.id);
    const f = csrfField(req.page);
    sendPage(
      res,
      status,
      layout(
        req.page,
        `${t.versions}: ${config.name}`,
        html`${errorLine(error)}<p><a href="/configs/${config.id}">← ${config.name}</a></p>
${versions.map(
  (v, i) => html`<section class="card version" data-version="${v.version}">
  <h2>v${v.version} ${v.version === config.version ? html`<span class="tag ok">${t.current}</span>` : ''}</h2>
  <p>${v.change} · ${v.author} · <time datetime="${new Date(v.createdAt).toISOString()}">${new Date(v.createdAt).toISOString().slice(0, 19).replace('T', ' ')}</time></p>
  <details ${i === 0 ? 'open' : ''}><summary>${t.diff}</summary>${diffView(versions[i + 1]?.document ?? null, v.document)}</details>
  ${
    v.version === config.version
      ? ''
      : html`<form method="post" action="/configs/${config.id}/versions/${v.version}/restore">${f}<input type="hidden" name="version" value="${config.version}"><button>${t.restore} v${v.version}</button></form>`
  }
</section>`,
)}`,
      ),
    );
  };

  router.get('/configs/:id/versions', (req, res) => page(req, res, 200, null));

  // A restore is a change like any other: a new version with the old document, so it can itself be undone.
  router.post('/configs/:id/versions/:n/restore', async (req, res) => {
    const { t, user } = req.page;
    const config = await deps.configs.get(Number(req.params['id']));
    if (!config) return res.status(404).type('text/plain').send(t.not_found);
    const n = Number(req.params['n']);
    const old = (await deps.configs.versions(config.id)).find((v) => v.version === n);
    if (!old) return res.status(404).type('text/plain').send(t.not_found);
    if (Number(formText(req, 'version')) !== config.version) return page(req, res, 409, t.edit_conflict);
    const verdict = await gatewayVerdict(deps, old.document);
    if (verdict) return page(req, res, 422, verdict);
    const saved = await deps.configs.update(
      config.id,
      config.version,
      old.document,
      user!.username,
      `${t.change_restored} v${n}`,
    );
    if (saved === null) return page(req, res, 409, t.edit_conflict);
    res.redirect(303, `/configs/${config.id}?notice=restored`);
  });
  return router;
}
