import { type Request, type Response, Router } from 'express';
import { modelsOf } from '../configs/config-document.js';
import type { ProviderState } from '../gateway/gateway-client.js';
import { sendPage } from '../http/context.js';
import { formFields } from '../http/form.js';
import { type Html, html } from '../http/html.js';
import { requireUser } from '../http/security.js';
import type { WebDeps } from '../http/web-deps.js';
import { errorLine, layout } from './layout.js';

interface Status {
  version: string;
  models: Array<{ name: string; providers: ProviderState[] }>;
}

/** The gateway as it runs: the config version in force, each provider's health and breaker; refreshed every 5 s. */
export function gatewayPages(deps: WebDeps): Router {
  const router = Router();
  router.use('/gateway', requireUser);

  const table = async (req: Request): Promise<Html> => {
    const { t } = req.page;
    const answer = await deps.gateway.admin<Status>('GET', 'providers');
    const last = await deps.configs.lastActivation();
    const inner = !answer.ok
      ? errorLine(`${t.gateway_unreachable}: ${answer.message}`)
      : html`<p>${t.gateway_version}: <code data-gateway-version>${answer.body.version}</code>${
          last
            ? html` · ${t.last_activation}: <a href="/configs/${last.configId}">v${last.version}</a> (<code>${last.gatewayVersion}</code>)`
            : ''
        }</p>
<table class="list"><thead><tr><th>${t.models}</th><th>${t.provider}</th><th>api_type</th><th>api_host</th><th>${t.health}</th><th>${t.breaker}</th></tr></thead><tbody>
${answer.body.models.flatMap((m) =>
  m.providers.map(
    (
      p,
    ) => html`<tr data-provider="${p.id}"><td>${m.name}</td><td>${p.id}</td><td>${p.api_type}</td><td>${p.api_host}</td>
  <td><span class="tag ${p.health === 'up' ? 'ok' : p.health === 'down' ? 'bad' : ''}" data-health>${t[`health_${p.health}`]}</span>${p.why_down ? html` <small>${p.why_down}</small>` : ''}</td>
  <td><span class="tag ${p.breaker.state === 'closed' ? 'ok' : 'bad'}">${t[`breaker_${p.breaker.state}`]}</span> ${p.breaker.failures ? p.breaker.failures : ''}</td></tr>`,
  ),
)}</tbody></table>`;
    return html`<div id="gateway-status" hx-get="/gateway/status" hx-trigger="every 5s" hx-swap="outerHTML">${inner}</div>`;
  };

  router.get('/gateway', async (req, res) => {
    sendPage(res, 200, layout(req.page, `${req.page.t.nav_gateway} · ${deps.gateway.url}`, await table(req)));
  });
  router.get('/gateway/status', async (req, res) => sendPage(res, 200, await table(req)));

  // "Check host" from a provider form: the gateway probes it, so the answer is what the gateway can reach. An
  // empty token field means the stored token, looked up by the provider's place in the config.
  router.post('/gateway/check-host', async (req: Request, res: Response) => {
    const body = formFields(req) as Record<string, string | undefined>;
    let token = body['api_token'] ?? '';
    if (token === '' && body['config']) {
      const config = await deps.configs.get(Number(body['config']));
      const model =
        config && modelsOf(config.document).find((m) => m.group === body['group'] && m.name === body['model']);
      const stored = model ? model.providers[Number(body['index'])]?.['api_token'] : undefined;
      if (typeof stored === 'string') token = stored;
    }
    const answer = await deps.gateway.admin('POST', 'check-host', {
      api_host: body['api_host'] ?? '',
      api_type: body['api_type'] ?? '',
      api_token: token,
    });
    res
      .set('cache-control', 'no-store')
      .json(answer.ok ? answer.body : { error: answer.message, param: answer.param ?? null });
  });
  return router;
}
