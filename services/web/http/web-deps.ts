import type { LoginThrottle } from '../auth/login-throttle.js';
import type { Sessions } from '../auth/sessions.js';
import type { ConfigStore } from '../configs/config-store.js';
import type { Database } from '../db/database.js';
import type { GatewayClient } from '../gateway/gateway-client.js';
import type { WebSettings } from '../web-settings.js';

/** What the pages are given: made once at start-up in main.ts. */
export interface WebDeps {
  readonly settings: WebSettings;
  readonly db: Database;
  readonly sessions: Sessions;
  readonly throttle: LoginThrottle;
  readonly configs: ConfigStore;
  readonly gateway: GatewayClient;
}
