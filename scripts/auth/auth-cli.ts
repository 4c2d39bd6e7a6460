/**
 * API keys, policies and teams, in the store the gateway reads (LLM_ROUTER_AUTH_KEY_STORE and its variables):
 *   npm run --silent auth -- key generate --name N [--owner TEAM] [--policy P] [LIMITS] [--expires-days D]
 *   npm run --silent auth -- key list
 *   npm run --silent auth -- key disable|enable|delete <id>
 *   npm run --silent auth -- key rotate [--grace SECONDS] <id>
 *   npm run --silent auth -- key limits <id> LIMITS
 *   npm run --silent auth -- policy list
 *   npm run --silent auth -- policy create <name> '<json>'
 *   npm run --silent auth -- team list
 *   npm run --silent auth -- team budget <team> [--tokens-per-day N] [--tokens-per-month N] [--cost-per-day X] [--cost-per-month X]
 *   npm run --silent auth -- usage key|team <id> [--period YYYY-MM-DD|YYYY-MM]   (with LLM_ROUTER_REDIS_HOST)
 *   npm run --silent auth -- rate-limit apply <id> --preset free|basic|pro|enterprise|burst|internal-tool
 * LIMITS: --rpm N --tpm N --concurrency N --tokens-per-day N --tokens-per-month N --cost-per-day X --cost-per-month X
 * A new key is printed once, alone on the last line; only its hash is stored, so no command can show it again.
 */
import type { z } from 'zod';
import { firstIssue, KeyAdmin, limitsSchema, policySchema, teamSchema } from '../../core/auth/key-admin.js';
import { BUILTIN_POLICIES, type KeyLimits, type KeyRecord, type Policy } from '../../core/auth/key-record.js';
import type { KeyStore } from '../../core/auth/key-store.js';
import { openKeyStore } from '../../core/auth/open-key-store.js';
import { periodsOf, readUsage } from '../../core/auth/usage-meter.js';
import { loadSettings, type Settings } from '../../core/config/settings.js';
import { StartupError } from '../../core/errors/startup-error.js';
import { RedisStore } from '../../core/state/redis-store.js';

// The reference's presets (resources/configs/rate_limiting-policies.json), requests per minute.
const PRESETS: Readonly<Record<string, number>> = {
  free: 10,
  basic: 60,
  pro: 120,
  enterprise: 500,
  burst: 200,
  'internal-tool': 300,
};

interface Parsed {
  readonly words: string[];
  readonly flags: Map<string, string>;
}

function parse(args: readonly string[]): Parsed {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new StartupError(`${a} needs a value`);
      flags.set(a.slice(2), value);
      i++;
    } else words.push(a);
  }
  return { words, flags };
}

const LIMIT_FLAGS = [
  'rpm',
  'tpm',
  'concurrency',
  'tokens-per-day',
  'tokens-per-month',
  'cost-per-day',
  'cost-per-month',
];

/** The limit flags given, checked by the same schema as the admin API (`--tokens-per-day` is tokens_per_day). */
function limitsOf(flags: Map<string, string>, allowed = LIMIT_FLAGS): KeyLimits {
  const raw: Record<string, number> = {};
  for (const name of allowed) if (flags.has(name)) raw[name.replaceAll('-', '_')] = Number(flags.get(name));
  return checked(limitsSchema, raw, 'limits');
}

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StartupError(`${what}: ${firstIssue(parsed.error).message.replaceAll('_', '-')}`);
  return parsed.data;
}

function days(flags: Map<string, string>): number | undefined {
  const raw = flags.get('expires-days');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new StartupError('--expires-days must be a whole number ≥ 1');
  return n;
}

function found<T>(value: T | null, id: string): T {
  if (value === null) throw new StartupError(`no key with id ${id}`);
  return value;
}

const idOf = (rest: readonly string[]) => {
  if (!rest[0]) throw new StartupError('name the key by its id (key list shows them)');
  return rest[0];
};

const describeLimits = (l: KeyLimits | undefined) =>
  Object.entries(l ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '-';

async function run(store: KeyStore, { words, flags }: Parsed, settings: Settings): Promise<string[]> {
  const [what, verb, ...rest] = words;
  const admin = new KeyAdmin(store, settings.auth!.rotationGraceMs);
  if (what === 'key' && verb === 'generate') {
    const name = flags.get('name');
    if (!name) throw new StartupError('key generate needs --name');
    const policy = flags.get('policy') ?? 'default';
    const limits = limitsOf(flags);
    const expires = days(flags);
    const { record, key } = await admin.create({
      name,
      owner: flags.get('owner') ?? '',
      policy,
      ...(Object.keys(limits).length ? { limits } : {}),
      expires_at: expires ? Date.now() + expires * 86_400_000 : null,
    });
    return [`id: ${record.id}`, `policy: ${policy}`, 'the key (shown once, stored only as a hash):', key];
  }
  if (what === 'key' && verb === 'list') {
    const rows = (await admin.list()).map((k: KeyRecord) =>
      [
        k.id,
        k.name,
        k.owner || '-',
        k.policy,
        k.rotated_to ? `rotated to ${k.rotated_to}` : k.active ? 'active' : 'disabled',
        k.expires_at ? new Date(k.expires_at).toISOString() : 'never',
        describeLimits(k.limits),
      ].join('\t'),
    );
    return ['id\tname\towner\tpolicy\tstate\texpires\tlimits', ...rows];
  }
  if (what === 'key' && (verb === 'disable' || verb === 'enable')) {
    const id = idOf(rest);
    found(await admin.setActive(id, verb === 'enable'), id);
    return [`${id} ${verb}d`];
  }
  if (what === 'key' && verb === 'delete') {
    const id = idOf(rest);
    if (!(await admin.remove(id))) throw new StartupError(`no key with id ${id}`);
    return [`${id} deleted`];
  }
  if (what === 'key' && verb === 'rotate') {
    const id = idOf(rest);
    const grace = flags.has('grace') ? Number(flags.get('grace')) * 1000 : settings.auth!.rotationGraceMs;
    if (!Number.isFinite(grace) || grace < 0) throw new StartupError('--grace must be seconds ≥ 0');
    const { old, record, key } = found(await admin.rotate(id, grace), id);
    return [`id: ${record.id} (replaces ${old.id}, which works for ${grace / 1000} s more)`, key];
  }
  if (what === 'key' && verb === 'limits') {
    const id = idOf(rest);
    const record = found(await admin.setLimits(id, limitsOf(flags)), id);
    return [`${id}: ${describeLimits(record.limits)}`];
  }
  if (what === 'policy' && verb === 'list') {
    const all = { ...BUILTIN_POLICIES, ...(await store.policies()) };
    return Object.entries(all).map(([name, p]) => `${name}\t${JSON.stringify(p)}`);
  }
  if (what === 'policy' && verb === 'create') {
    const [name, json] = rest;
    if (!name || !json)
      throw new StartupError('policy create needs a name and a JSON policy: \'{"endpoints":[…],"models":[…]}\'');
    await admin.putPolicy(name, checked(policySchema, JSON.parse(json), `policy ${name}`) as Policy);
    return [`policy ${name} saved`];
  }
  if (what === 'team' && verb === 'list') {
    return Object.entries(await store.teams()).map(([name, t]) => `${name}\t${describeLimits(t.budgets)}`);
  }
  if (what === 'team' && verb === 'budget') {
    const name = rest[0];
    if (!name) throw new StartupError("team budget needs the team (the keys' --owner)");
    const budgets = limitsOf(flags, LIMIT_FLAGS.slice(3));
    await admin.putTeam(name, checked(teamSchema, { budgets }, `team ${name}`));
    return [`team ${name}: ${describeLimits(budgets)}`];
  }
  if (what === 'usage' && (verb === 'key' || verb === 'team')) return usage(settings, verb, idOf(rest), flags);
  if (what === 'rate-limit' && verb === 'apply') {
    const id = idOf(rest);
    const preset = flags.get('preset') ?? '';
    const rpm = PRESETS[preset];
    if (!rpm) throw new StartupError(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
    found(await admin.setLimits(id, { rpm }), id);
    return [`${id}: ${rpm} requests per minute`];
  }
  throw new StartupError(`unknown command "${words.join(' ')}" (see the top of scripts/auth/auth-cli.ts)`);
}

/** Usage is counted in the gateway's state store: readable here only when that is Redis. */
async function usage(
  settings: Settings,
  subject: 'key' | 'team',
  id: string,
  flags: Map<string, string>,
): Promise<string[]> {
  if (!settings.redis)
    throw new StartupError(
      "usage is kept in the gateway's memory without LLM_ROUTER_REDIS_HOST: read it from GET /api/auth/usage",
    );
  const period = flags.get('period') ?? periodsOf(Date.now()).day;
  const state = new RedisStore(settings.redis);
  try {
    await state.connect();
    return [JSON.stringify(await readUsage(state, subject, id, period), null, 2)];
  } finally {
    await state.close();
  }
}

async function main(): Promise<void> {
  const settings = loadSettings({ ...process.env, LLM_ROUTER_AUTH_ENABLED: '1' });
  const store = await openKeyStore(settings.auth!);
  try {
    for (const line of await run(store, parse(process.argv.slice(2)), settings)) console.log(line);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`auth: ${err instanceof StartupError ? err.message : (err as Error).message}`);
  process.exit(1);
});
