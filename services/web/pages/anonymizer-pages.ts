import { type Request, type Response, Router } from 'express';
import { type Algorithm, isAlgorithm, maskText } from '../anonymize/conversation-masking.js';
import { placeholders } from '../anonymize/placeholders.js';
import { sendPage } from '../http/context.js';
import { formText } from '../http/form.js';
import { type Html, html } from '../http/html.js';
import type { WebDeps } from '../http/web-deps.js';
import { csrfField, errorLine, layout } from './layout.js';

/** The masked text with each placeholder marked; the text is escaped piece by piece like any other. */
export function highlighted(text: string): Html {
  const parts: Array<Html | string> = [];
  let at = 0;
  for (const m of text.matchAll(placeholders())) {
    parts.push(text.slice(at, m.index), html`<mark class="ph">${m[0]}</mark>`);
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}

export function mappingTable(t: Request['page']['t'], mappings: Readonly<Record<string, string>>): Html {
  const rows = Object.entries(mappings);
  if (rows.length === 0) return html`<p class="empty">${t.nothing_masked}</p>`;
  return html`<table class="list mapping"><thead><tr><th>${t.placeholder}</th><th>${t.original}</th></tr></thead><tbody>
${rows.map(([ph, original]) => html`<tr><td><mark class="ph">${ph}</mark></td><td>${original}</td></tr>`)}</tbody></table>`;
}

export const algorithmChoice = (t: Request['page']['t'], chosen: string, withNone: boolean): Html =>
  html`<fieldset class="algorithms"><legend>${t.algorithm}</legend>${(
    ['fast', 'pii_masking', 'fast+pii', ...(withNone ? ['none'] : [])] as const
  ).map(
    (a) =>
      html`<label class="flag"><input type="radio" name="algorithm" value="${a}" ${chosen === a ? 'checked' : ''}>${t[`algorithm_${a.replace('+', '_')}` as 'algorithm_fast']}</label>`,
  )}</fieldset>`;

/** The text anonymizer: a text (typed, pasted or a dropped file) masked by the gateway, with the mapping shown. */
export function anonymizerPages(deps: WebDeps): Router {
  const router = Router();

  const page = (req: Request, res: Response, status: number, result: Html | string, algorithm: Algorithm) => {
    const { t } = req.page;
    const text = formText(req, 'text');
    sendPage(
      res,
      status,
      layout(
        req.page,
        t.anonymize_title,
        html`<p>${t.anonymize_intro}</p>
<form method="post" action="/anonymize" class="card">${csrfField(req.page)}
  <label>${t.text}<textarea name="text" id="anonymize-text" rows="8" required data-drop-target>${text}</textarea></label>
  <p class="hint">${t.drop_hint}</p>
  ${algorithmChoice(t, algorithm, false)}
  <button class="primary">${t.anonymize_submit}</button>
</form>
<div id="result">${result}</div>`,
      ),
    );
  };

  router.get('/anonymize', (req, res) => page(req, res, 200, '', 'fast'));
  router.post('/anonymize', async (req, res) => {
    const { t } = req.page;
    const chosen = formText(req, 'algorithm');
    const algorithm = isAlgorithm(chosen) ? chosen : 'fast';
    const text = formText(req, 'text');
    if (text.trim() === '') return page(req, res, 400, errorLine(t.text_missing), algorithm);
    const outcome = await maskText(deps.gateway, text, algorithm);
    if (!outcome.ok) return page(req, res, 502, errorLine(outcome.message), algorithm);
    page(
      req,
      res,
      200,
      html`<section class="card"><h2>${t.masked_text}</h2><pre class="masked" data-masked>${highlighted(outcome.value.text)}</pre>
<h2>${t.mapping}</h2>${mappingTable(t, outcome.value.mappings)}</section>`,
      algorithm,
    );
  });
  return router;
}
