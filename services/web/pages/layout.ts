import type { Request, Response } from 'express';
import { type PageContext, sendPage } from '../http/context.js';
import { type Html, html } from '../http/html.js';

/** A navigation entry: shown to the signed-in (and to admins only, when `admin`). */
const NAV = [
  { href: '/configs', key: 'nav_configs', admin: false },
  { href: '/projects', key: 'nav_projects', admin: false },
  { href: '/gateway', key: 'nav_gateway', admin: false },
  { href: '/keys', key: 'nav_keys', admin: true },
  { href: '/users', key: 'nav_users', admin: true },
  { href: '/anonymize', key: 'nav_anonymize', admin: false },
  { href: '/anonymize/chat', key: 'nav_chat', admin: false },
] as const;

export function layout(page: PageContext, title: string, body: Html, notice: Html | string = ''): Html {
  const { t, user } = page;
  const nav = user
    ? NAV.filter((n) => !n.admin || user.role === 'admin').map(
        (n) => html`<a href="${n.href}" class="${page.path === n.href ? 'current' : ''}">${t[n.key]}</a>`,
      )
    : [];
  return html`<!doctype html>
<html lang="${page.lang}" data-theme="${page.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${page.csrf}">
<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>
<title>${title} · LLM Router</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/htmx.min.js" defer></script>
<script src="/static/app.js" defer></script>
</head>
<body hx-headers='{"x-csrf-token": "${page.csrf}"}'>
<header>
  <a class="brand" href="/">LLM Router</a>
  <nav>${nav}</nav>
  <div class="tools">
    <a href="/lang/pl?back=${page.path}" class="${page.lang === 'pl' ? 'current' : ''}" lang="pl">PL</a>
    <a href="/lang/en?back=${page.path}" class="${page.lang === 'en' ? 'current' : ''}" lang="en">EN</a>
    <a href="/theme/${page.theme === 'dark' ? 'light' : 'dark'}?back=${page.path}" id="theme-toggle">${page.theme === 'dark' ? t.theme_light : t.theme_dark}</a>
    ${
      user
        ? html`<span class="who">${user.username}</span>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${page.csrf}"><button>${t.logout}</button></form>`
        : ''
    }
  </div>
</header>
<main>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** The hidden field every form carries. */
export const csrfField = (page: PageContext): Html => html`<input type="hidden" name="_csrf" value="${page.csrf}">`;

export const errorLine = (message: string | null | undefined): Html | string =>
  message ? html`<p class="error" role="alert">${message}</p>` : '';

/** A page that is one form posting to `action`: its error above it, the form token in it, `inside` its fields. */
export function formPage(
  req: Request,
  res: Response,
  status: number,
  page: {
    title: string;
    action: string;
    error: string | null;
    inside: Html;
    narrow?: boolean;
    intro?: string;
    notice?: string;
  },
): void {
  sendPage(
    res,
    status,
    layout(
      req.page,
      page.title,
      html`${page.intro ? html`<p>${page.intro}</p>` : ''}${errorLine(page.error)}
<form method="post" action="${page.action}" class="card${page.narrow ? ' narrow' : ''}">${csrfField(req.page)}${page.inside}</form>`,
      page.notice ?? '',
    ),
  );
}
