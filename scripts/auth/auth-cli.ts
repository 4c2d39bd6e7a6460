/**
 * API keys and policies, in the store the gateway reads (LLM_ROUTER_AUTH_KEY_STORE and its variables):
 *   npm run --silent auth -- key generate --name N [--owner O] [--policy P] [--rpm N] [--concurrency N] [--expires-days D]
 *   npm run --silent auth -- key list
 *   npm run --silent auth -- key disable|enable|delete <id>
 *   npm run --silent auth -- key rotate [--grace SECONDS] <id>
 *   npm run --silent auth -- policy list
 *   npm run --silent auth -- policy create <name> '<json>'
 *   npm run --silent auth -- rate-limit apply <id> --preset free|basic|pro|enterprise|burst|internal-tool
 * A new key is printed once, alone on the last line; only its hash is stored, so no command can show it again.
 */
import { z } from 'zod';
import { generateKey, keyHash, newKeyId } from '../../core/auth/api-keys.js';
import { BUILTIN_POLICIES, type KeyLimits, type KeyRecord, type Policy } from '../../core/auth/key-record.js';
import type { KeyStore } from '../../core/auth/key-store.js';
import { openKeyStore } from '../../core/auth/open-key-store.js';
import { loadSettings } from '../../core/config/settings.js';
import { ENDPOINT_GROUPS } from '../../core/endpoints/endpoint.js';
import { StartupError } from '../../core/errors/startup-error.js';

// The reference's presets (resources/configs/rate_limiting-policies.json), requests per minute.
const PRESETS: Readonly<Record<string, number>> = {
  free: 10,
  basic: 60,
  pro: 120,
  enterprise: 500,
  burst: 200,
  'internal-tool': 300,
};

const policySchema = z.strictObject({
  endpoints: z.array(z.enum(ENDPOINT_GROUPS)),
  models: z.array(z.string().min(1)),
  limits: z.strictObject({ rpm: z.int().min(1).optional(), concurrency: z.int().min(1).optional() }).optional(),
});

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

const positiveInt = (flags: Map<string, string>, name: string): number | undefined => {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new StartupError(`--${name} must be a whole number ≥ 1`);
  return n;
};

async function newKey(
  store: KeyStore,
  fields: Omit<KeyRecord, 'id' | 'hash' | 'created_at'>,
): Promise<[KeyRecord, string]> {
  const key = generateKey();
  const record: KeyRecord = {
    ...fields,
    id: newKeyId(),
    hash: keyHash(await store.salt(), key),
    created_at: Date.now(),
  };
  await store.put(record);
  return [record, key];
}

async function byId(store: KeyStore, id: string | undefined): Promise<KeyRecord> {
  if (!id) throw new StartupError('name the key by its id (key list shows them)');
  const record = await store.byId(id);
  if (!record) throw new StartupError(`no key with id ${id}`);
  return record;
}

async function run(store: KeyStore, { words, flags }: Parsed, graceMs: number): Promise<string[]> {
  const [what, verb, ...rest] = words;
  if (what === 'key' && verb === 'generate') {
    const name = flags.get('name');
    if (!name) throw new StartupError('key generate needs --name');
    const policy = flags.get('policy') ?? 'default';
    const limits: KeyLimits = { rpm: positiveInt(flags, 'rpm'), concurrency: positiveInt(flags, 'concurrency') };
    const days = positiveInt(flags, 'expires-days');
    const [record, key] = await newKey(store, {
      name,
      owner: flags.get('owner') ?? '',
      policy,
      limits: JSON.parse(JSON.stringify(limits)) as KeyLimits,
      active: true,
      expires_at: days ? Date.now() + days * 86_400_000 : null,
      rotated_to: null,
      grace_until: null,
    });
    return [`id: ${record.id}`, `policy: ${policy}`, 'the key (shown once, stored only as a hash):', key];
  }
  if (what === 'key' && verb === 'list') {
    const rows = (await store.list()).map((k) =>
      [
        k.id,
        k.name,
        k.owner || '-',
        k.policy,
        k.rotated_to ? `rotated to ${k.rotated_to}` : k.active ? 'active' : 'disabled',
        k.expires_at ? new Date(k.expires_at).toISOString() : 'never',
        k.limits?.rpm ? `${k.limits.rpm} rpm` : '-',
      ].join('\t'),
    );
    return ['id\tname\towner\tpolicy\tstate\texpires\tlimit', ...rows];
  }
  if (what === 'key' && (verb === 'disable' || verb === 'enable')) {
    const record = await byId(store, rest[0]);
    await store.put({ ...record, active: verb === 'enable' });
    return [`${record.id} ${verb}d`];
  }
  if (what === 'key' && verb === 'delete') {
    const record = await byId(store, rest[0]);
    await store.remove(record.id);
    return [`${record.id} deleted`];
  }
  if (what === 'key' && verb === 'rotate') {
    const old = await byId(store, rest[0]);
    const grace = flags.has('grace') ? Number(flags.get('grace')) * 1000 : graceMs;
    if (!Number.isFinite(grace) || grace < 0) throw new StartupError('--grace must be seconds ≥ 0');
    const { id: _id, hash: _hash, created_at: _created, ...fields } = old;
    const [record, key] = await newKey(store, { ...fields, active: true, rotated_to: null, grace_until: null });
    await store.put({ ...old, rotated_to: record.id, grace_until: Date.now() + grace });
    return [`id: ${record.id} (replaces ${old.id}, which works for ${grace / 1000} s more)`, key];
  }
  if (what === 'policy' && verb === 'list') {
    const all = { ...BUILTIN_POLICIES, ...(await store.policies()) };
    return Object.entries(all).map(([name, p]) => `${name}\t${JSON.stringify(p)}`);
  }
  if (what === 'policy' && verb === 'create') {
    const [name, json] = rest;
    if (!name || !json)
      throw new StartupError('policy create needs a name and a JSON policy: \'{"endpoints":[…],"models":[…]}\'');
    const parsed = policySchema.safeParse(JSON.parse(json));
    if (!parsed.success)
      throw new StartupError(
        `policy ${name}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
      );
    await store.putPolicy(name, parsed.data as Policy);
    return [`policy ${name} saved`];
  }
  if (what === 'rate-limit' && verb === 'apply') {
    const record = await byId(store, rest[0]);
    const preset = flags.get('preset') ?? '';
    const rpm = PRESETS[preset];
    if (!rpm) throw new StartupError(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
    await store.put({ ...record, limits: { ...record.limits, rpm } });
    return [`${record.id}: ${rpm} requests per minute`];
  }
  throw new StartupError(`unknown command "${words.join(' ')}" (see the top of scripts/auth/auth-cli.ts)`);
}

async function main(): Promise<void> {
  const settings = loadSettings({ ...process.env, LLM_ROUTER_AUTH_ENABLED: '1' });
  const store = await openKeyStore(settings.auth!);
  try {
    for (const line of await run(store, parse(process.argv.slice(2)), settings.auth!.rotationGraceMs))
      console.log(line);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`auth: ${err instanceof StartupError ? err.message : (err as Error).message}`);
  process.exit(1);
});
