import { z } from 'zod';
import { envBool, envInt } from '../../core/config/env-values.js';
import { StartupError } from '../../core/errors/startup-error.js';

const schema = z.object({
  LLM_ROUTER_WEB_HOST: z.string().default('127.0.0.1'),
  LLM_ROUTER_WEB_PORT: envInt(8081, 0, 65_535),
  /** A SQLite file's path, or postgres://… */
  LLM_ROUTER_WEB_DATABASE: z.string().min(1).default('llm-router-web.db'),
  LLM_ROUTER_WEB_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL name')
    .or(z.literal(''))
    .default(''),
  LLM_ROUTER_WEB_GATEWAY_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8080'),
  /** The gateway's LLM_ROUTER_ADMIN_TOKEN (or an admin API key): activation, health, check host, keys. */
  LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN: z.string().default(''),
  /** A key for the anonymizer's calls when the gateway has API keys on; else nothing is sent. */
  LLM_ROUTER_WEB_GATEWAY_API_KEY: z.string().default(''),
  /** Secure cookies; on by default. Off only for plain http on a machine's own address, as the tests and a first try do. */
  LLM_ROUTER_WEB_SECURE_COOKIES: envBool(true),
  LLM_ROUTER_WEB_SESSION_HOURS: envInt(12, 1, 24 * 30),
  LLM_ROUTER_WEB_LOGIN_ATTEMPTS: envInt(5, 1, 1000),
  LLM_ROUTER_WEB_LOGIN_WINDOW_SECONDS: envInt(900, 1, 86_400),
  /** The address in X-Forwarded-For is believed only from this many proxies in front (Express's trust proxy). */
  LLM_ROUTER_WEB_TRUSTED_PROXIES: envInt(0, 0, 10),
});

export interface WebSettings {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly databaseSchema: string;
  readonly gatewayUrl: string;
  readonly gatewayAdminToken: string;
  readonly gatewayApiKey: string;
  readonly secureCookies: boolean;
  readonly sessionMs: number;
  readonly loginAttempts: number;
  readonly loginWindowMs: number;
  readonly trustedProxies: number;
}

export function loadWebSettings(env: NodeJS.ProcessEnv = process.env): WebSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const p = parsed.data;
  return Object.freeze({
    host: p.LLM_ROUTER_WEB_HOST,
    port: p.LLM_ROUTER_WEB_PORT,
    database: p.LLM_ROUTER_WEB_DATABASE,
    databaseSchema: p.LLM_ROUTER_WEB_DATABASE_SCHEMA,
    gatewayUrl: p.LLM_ROUTER_WEB_GATEWAY_URL.replace(/\/+$/, ''),
    gatewayAdminToken: p.LLM_ROUTER_WEB_GATEWAY_ADMIN_TOKEN,
    gatewayApiKey: p.LLM_ROUTER_WEB_GATEWAY_API_KEY,
    secureCookies: p.LLM_ROUTER_WEB_SECURE_COOKIES,
    sessionMs: p.LLM_ROUTER_WEB_SESSION_HOURS * 3_600_000,
    loginAttempts: p.LLM_ROUTER_WEB_LOGIN_ATTEMPTS,
    loginWindowMs: p.LLM_ROUTER_WEB_LOGIN_WINDOW_SECONDS * 1000,
    trustedProxies: p.LLM_ROUTER_WEB_TRUSTED_PROXIES,
  });
}
