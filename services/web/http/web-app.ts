import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { anonymizerPages } from '../pages/anonymizer-pages.js';
import { authPages } from '../pages/auth-pages.js';
import { chatPages } from '../pages/chat-pages.js';
import { configEditor } from '../pages/config-editor.js';
import { configsPages } from '../pages/configs-pages.js';
import { gatewayPages } from '../pages/gateway-pages.js';
import { keysPages } from '../pages/keys-pages.js';
import { projectsPages } from '../pages/projects-pages.js';
import { usersPages } from '../pages/users-pages.js';
import { versionsPages } from '../pages/versions-pages.js';
import { csrfCheck, securityHeaders, sessionLoader } from './security.js';
import type { WebDeps } from './web-deps.js';

// dist/services/web/http → the project root, where the browser's files are (they are not compiled).
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const STATIC = {
  'app.js': join(ROOT, 'services/web/static/app.js'),
  'app.css': join(ROOT, 'services/web/static/app.css'),
  'htmx.min.js': join(ROOT, 'node_modules/htmx.org/dist/htmx.min.js'),
} as const;

export function webApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.settings.trustedProxies);
  app.use(securityHeaders);
  app.get('/static/:file', (req, res, next) => {
    const path = STATIC[req.params['file'] as keyof typeof STATIC];
    if (!path) return next();
    res.sendFile(path, { maxAge: '1h' });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(express.urlencoded({ extended: false, limit: '5mb', parameterLimit: 10_000 }));
  app.use(express.json({ limit: '5mb' }));
  app.use(sessionLoader(deps));
  app.use(csrfCheck);
  for (const pages of [
    authPages,
    projectsPages,
    usersPages,
    configsPages,
    versionsPages,
    configEditor,
    gatewayPages,
    keysPages,
    anonymizerPages,
    chatPages,
  ])
    app.use(pages(deps));
  app.use((req: Request, res: Response) => {
    res
      .status(404)
      .type('text/plain')
      .send(req.page?.t.not_found ?? 'Not found.');
  });
  // The log gets where it failed (the error's kind, code and stack frames), not its message: a database's message
  // may quote a row (a user name, a token), and the path may hold a config's id but never a user's text.
  app.use(
    (
      err: Error & { status?: number; type?: string; code?: string },
      req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      if (status === 500) {
        const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
        console.error(
          `web: ${req.method} ${req.path}: ${err.name}${err.code ? ` ${err.code}` : ''}\n${frames.join('\n')}`,
        );
      }
      if (!res.headersSent)
        res
          .status(status)
          .type('text/plain')
          .send(status === 500 ? 'Internal error.' : (err.type ?? 'Bad request.'));
      else res.end();
    },
  );
  return app;
}
