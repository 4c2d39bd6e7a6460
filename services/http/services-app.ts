import express, { type NextFunction, type Request, type Response } from 'express';
import type { EmbeddingsService } from '../embeddings/embeddings-service.js';
import type { GuardService } from '../guard/guard-service.js';
import type { PiiService } from '../pii/pii-service.js';
import type { ServiceMetrics } from './service-metrics.js';

export interface Services {
  readonly guards: ReadonlyMap<string, GuardService>;
  readonly pii: PiiService | null;
  readonly embeddings: EmbeddingsService | null;
  readonly metrics: ServiceMetrics;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/** The sidecar's HTTP contract (the reference's section 6): ping, guards, the PII masker and embeddings. */
export function servicesApp(s: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '10mb', type: () => true }));

  app.get('/api/ping', (_req, res) => void res.json({ response: 'pong' }));
  app.get(
    '/metrics',
    async (_req, res) => void res.type(s.metrics.registry.contentType).send(await s.metrics.registry.metrics()),
  );

  app.post('/api/guardrails/:name', async (req, res) => {
    const guard = s.guards.get(String(req.params['name']));
    if (!guard)
      return void fail(
        res,
        404,
        `no guard "${String(req.params['name'])}" is loaded (loaded: ${[...s.guards.keys()].join(', ') || 'none'})`,
      );
    if (req.body === undefined) return void fail(res, 400, 'Request body must be JSON');
    const results = await guard.judge(req.body);
    if (!results.safe) s.metrics.blocked.inc({ service: guard.config.name });
    res.json({ results });
  });

  app.post('/api/maskers/pii', async (req, res) => {
    if (!s.pii) return void fail(res, 404, 'the PII masker is not enabled on this sidecar');
    if (req.body === undefined) return void fail(res, 400, 'Request body must be JSON');
    res.json(await s.pii.anonymize(req.body));
  });

  app.post('/api/embeddings', async (req, res) => {
    if (!s.embeddings) return void fail(res, 404, 'embeddings are not enabled on this sidecar');
    const input = (req.body as { input?: unknown } | undefined)?.input;
    const ok =
      typeof input === 'string' ||
      (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string'));
    if (!ok) return void fail(res, 400, '"input" must be a string or a non-empty array of strings');
    res.json(await s.embeddings.embed(input as string | string[]));
  });

  app.use((req, res) => void fail(res, 404, `no route ${req.method} ${req.path}`));
  app.use((err: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') return void fail(res, 400, 'Request body must be JSON');
    if (err.type === 'entity.too.large') return void fail(res, 413, 'Request body is too large');
    fail(res, 500, err.message);
  });
  return app;
}
