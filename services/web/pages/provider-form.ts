import { API_TYPES, PROVIDER_FIELDS, type Provider, shownToken } from '../configs/config-document.js';
import type { PageContext } from '../http/context.js';
import { type Html, html } from '../http/html.js';

/** A provider's fields as form inputs; the token is never put back in the page, only its last four characters. */
export function providerInputs(page: PageContext, provider: Provider | null): Html {
  const { t } = page;
  return html`<div class="fields">${PROVIDER_FIELDS.map((f) => {
    const value = provider?.[f.name];
    const label = html`<span>${f.name}${f.required ? ' *' : ''}</span>`;
    switch (f.kind) {
      case 'choice':
        return html`<label>${label}<select name="${f.name}">${API_TYPES.map(
          (type) => html`<option ${value === type ? 'selected' : ''}>${type}</option>`,
        )}</select></label>`;
      case 'flag':
        return html`<label class="flag"><input type="checkbox" name="${f.name}" value="1" ${value === true ? 'checked' : ''}>${label}</label>`;
      case 'secret':
        return html`<label>${label}<input type="password" name="api_token" autocomplete="off" placeholder="${shownToken(value)}">${
          value ? html`<small class="hint">${t.token_keep}</small>` : ''
        }</label>${
          value
            ? html`<label class="flag"><input type="checkbox" name="api_token_clear" value="1">${t.token_clear}</label>`
            : ''
        }`;
      default:
        return html`<label>${label}<input name="${f.name}" ${f.required ? 'required' : ''} ${
          f.kind === 'url' ? 'type="url"' : f.kind === 'text' ? '' : `inputmode="decimal"`
        } value="${value === undefined || value === null ? '' : String(value)}"></label>`;
    }
  })}</div>`;
}

/**
 * The form's fields over the provider they edit: fields the form does not show (a newer gateway's) are kept, an
 * emptied optional field is removed (the gateway's default then applies), and an empty token field keeps the token.
 * Returns the field that is wrong instead, when a number is not one.
 */
export function providerFromForm(
  body: Record<string, unknown>,
  previous: Provider | null,
): Provider | { wrong: string } {
  const next: Provider = { ...(previous ?? {}) };
  for (const f of PROVIDER_FIELDS) {
    const raw = body[f.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (f.kind === 'flag') {
      if (text === '1') next[f.name] = true;
      else delete next[f.name];
    } else if (f.kind === 'secret') {
      if (body['api_token_clear'] === '1') next['api_token'] = '';
      else if (typeof raw === 'string' && raw !== '') next['api_token'] = raw;
    } else if (text === '') {
      if (f.required) next[f.name] = '';
      else delete next[f.name];
    } else if (f.kind === 'integer' || f.kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) return { wrong: f.name };
      next[f.name] = n;
    } else next[f.name] = text;
  }
  return next;
}
