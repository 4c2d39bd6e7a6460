import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer } from './child-server.js';
import { FakeUpstream } from './fake-upstream.js';
import { GatewayProcess } from './gateway-process.js';
import { poolConfig } from './load.js';

const MAIN = join(import.meta.dirname, '..', '..', 'services', 'web', 'main.js');

/** The web service as a real process on 127.0.0.1 (a port it picks), with a SQLite file of its own by default. */
export class WebProcess extends ChildServer {
  constructor() {
    super(MAIN, 'web service', 20_000);
  }

  override start(env: Record<string, string>): Promise<this> {
    return super.start({
      LLM_ROUTER_WEB_HOST: '127.0.0.1',
      LLM_ROUTER_WEB_PORT: '0',
      LLM_ROUTER_WEB_DATABASE: join(mkdtempSync(join(tmpdir(), 'llm-router-web-')), 'web.db'),
      // Plain http on 127.0.0.1: the browser would drop Secure cookies there.
      LLM_ROUTER_WEB_SECURE_COOKIES: '0',
      ...env,
    });
  }
}

/** A cookie jar and form poster for the web service, as a browser without scripts would use it. */
export class WebVisitor {
  private readonly cookies = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(readonly url: string) {}

  /** The same browser (a copy of its cookies) visiting another instance. */
  at(url: string): WebVisitor {
    const other = new WebVisitor(url);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  private remember(res: Response): void {
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<{ status: number; text: string; location: string | null; res: Response }> {
    const res = await fetch(this.url + path, { headers: { cookie: this.cookieHeader }, redirect: 'manual' });
    this.remember(res);
    return { status: res.status, text: await res.text(), location: res.headers.get('location'), res };
  }

  /** The form token of the page at `path` (as a form on it would send). */
  async tokenOf(path: string): Promise<string> {
    const page = await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text) ?? /name="csrf-token" content="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`no form token on ${path} (HTTP ${page.status})`);
    return m[1]!;
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(this.url + path, {
      method: 'POST',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return { status: res.status, text: await res.text(), location: res.headers.get('location'), res };
  }

  /** Posts a form the way the page does: with the token of the page it is on. */
  async submit(pagePath: string, action: string, form: Record<string, string>) {
    return this.post(action, { ...form, _csrf: await this.tokenOf(pagePath) });
  }
}

/** What the web service manages in a test: a fake upstream and a gateway serving `model` from it, with an admin token. */
export async function managedGateway(token: string, model: string, env: Record<string, string> = {}) {
  const upstream = await new FakeUpstream().start();
  const gateway = await new GatewayProcess().start({
    LLM_ROUTER_MODELS_CONFIG: GatewayProcess.writeConfig(poolConfig(model, [upstream.url])),
    LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: '0',
    LLM_ROUTER_ADMIN_TOKEN: token,
    ...env,
  });
  return {
    upstream,
    gateway,
    /** The web service's settings for this gateway. */
    webEnv: { LLM_ROUTER_WEB_GATEWAY_URL: gateway.url, LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN: token },
    async stop() {
      await gateway.stop();
      await upstream.stop();
    },
  };
}
