import { type Request, type Response, Router } from 'express';
import { sendPage } from '../http/context.js';
import { formText } from '../http/form.js';
import { type Html, html } from '../http/html.js';
import { requireAdmin } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { csrfField, errorLine, layout } from './layout.js';

interface Usage {
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cost: number;
}
interface UsageAll {
  day: string;
  month: string;
  keys: Array<{ key_id: string; name: string; owner: string; day: Usage; month: Usage }>;
}
interface KeyView {
  id: string;
  name: string;
  owner: string;
  policy: string;
  active: boolean;
}

/** Tokens per key as horizontal bars (input and output), drawn on the server: no chart library, no script. */
function usageChart(rows: UsageAll['keys'], label: (u: Usage) => number): Html {
  const max = Math.max(1, ...rows.map((r) => label(r.day)));
  const height = 24;
  return html`<svg class="chart" role="img" viewBox="0 0 600 ${rows.length * height + 4}" width="600" height="${rows.length * height + 4}">
${rows.map((r, i) => {
  const width = Math.round((label(r.day) / max) * 380);
  return html`<g transform="translate(0 ${i * height})"><text x="0" y="16">${r.name.slice(0, 24)}</text>
  <rect x="190" y="4" width="${width}" height="16" class="bar"></rect><text x="${196 + width}" y="16">${label(r.day)}</text></g>`;
})}</svg>`;
}

/** API keys of the gateway's access control (its /api/auth API): list, create (shown once), enable, disable, usage. */
export function keysPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/keys', requireAdmin);

  const page = async (req: Request, res: Response, status: number, error: string | null, created: string | null) => {
    const { t } = req.page;
    const [keys, usage] = await Promise.all([
      deps.gateway.auth<{ keys: KeyView[] }>('GET', 'keys'),
      deps.gateway.auth<UsageAll>('GET', 'usage'),
    ]);
    const f = csrfField(req.page);
    const off = !keys.ok && (keys.status === 404 || keys.status === 401);
    const body = off
      ? html`<p class="empty">${t.keys_off}</p>`
      : !keys.ok
        ? errorLine(keys.message)
        : html`${created ? html`<p class="notice">${t.key_created_once}: <code data-new-key>${created}</code></p>` : ''}
<table class="list"><thead><tr><th>${t.name}</th><th>${t.owner}</th><th>${t.policy}</th><th>${t.state}</th><th>${t.requests_today}</th><th></th></tr></thead><tbody>
${keys.body.keys.map((k) => {
  const u = usage.ok ? usage.body.keys.find((r) => r.key_id === k.id)?.day : undefined;
  return html`<tr data-key="${k.name}"><td>${k.name}</td><td>${k.owner}</td><td>${k.policy}</td><td>${k.active ? t.active : t.blocked}</td><td>${u?.requests ?? 0}</td>
  <td><form method="post" action="/keys/${k.active ? 'disable' : 'enable'}" class="inline">${f}<input type="hidden" name="id" value="${k.id}"><button>${k.active ? t.block : t.unblock}</button></form></td></tr>`;
})}</tbody></table>
${usage.ok && usage.body.keys.length ? html`<h2>${t.tokens_today} (${usage.body.day})</h2>${usageChart(usage.body.keys, (u) => u.input_tokens + u.output_tokens)}` : ''}
<form method="post" action="/keys" class="card narrow">${f}<h2>${t.key_new}</h2>
  <label>${t.name}<input name="name" required></label><label>${t.owner}<input name="owner"></label>
  <label>${t.policy}<input name="policy" value="default"></label><button>${t.create}</button></form>`;
    sendPage(res, status, layout(req.page, t.nav_keys, html`${errorLine(error)}${body}`));
  };

  router.get('/keys', (req, res) => page(req, res, 200, null, null));
  router.post('/keys', async (req, res) => {
    const answer = await deps.gateway.auth<{ key: string }>('POST', 'keys', {
      name: formText(req, 'name'),
      owner: formText(req, 'owner'),
      policy: formText(req, 'policy') || 'default',
    });
    if (!answer.ok) return page(req, res, 400, answer.message, null);
    await page(req, res, 201, null, answer.body.key);
  });
  for (const action of ['enable', 'disable'] as const)
    router.post(`/keys/${action}`, async (req, res) => {
      const answer = await deps.gateway.auth('POST', `keys/${action}`, { id: formText(req, 'id') });
      if (!answer.ok) return page(req, res, 400, answer.message, null);
      res.redirect(303, '/keys');
    });
  return router;
}
