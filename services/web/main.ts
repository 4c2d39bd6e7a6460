import type { Server } from 'node:http';
import { LoginThrottle } from './auth/login-throttle.js';
import { Sessions } from './auth/sessions.js';
import { ConfigStore } from './configs/config-store.js';
import { openDatabase } from './db/open-database.js';
import { GatewayClient } from './gateway/gateway-client.js';
import { webApp } from './http/web-app.js';
import { prepareLogins } from './pages/auth-pages.js';
import { loadWebSettings } from './web-settings.js';

/** The web service: config manager and anonymizer, on its own port, talking to the gateway over HTTP. */
async function main(): Promise<void> {
  const settings = loadWebSettings();
  const db = await openDatabase(settings.database, settings.databaseSchema);
  await prepareLogins();
  const app = webApp({
    settings,
    db,
    sessions: new Sessions(db, settings.sessionMs),
    throttle: new LoginThrottle(db, settings.loginAttempts, settings.loginWindowMs),
    configs: new ConfigStore(db),
    gateway: new GatewayClient(settings.gatewayUrl, settings.gatewayAdminToken, settings.gatewayApiKey),
  });
  const server: Server = await new Promise((ok, fail) => {
    const s = app.listen(settings.port, settings.host, (err?: Error) => (err ? fail(err) : ok(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  console.log(
    `llm-router web listening on http://${settings.host}:${port} (gateway ${settings.gatewayUrl}; database ${db.kind}${
      settings.gatewayAdminToken
        ? ''
        : '; no LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN: configs cannot be checked or activated'
    })`,
  );
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void db.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: Error) => {
  console.error(`llm-router web: ${err.name === 'StartupError' ? err.message : (err.stack ?? err.message)}`);
  process.exit(1);
});
