import type { ModelsConfig } from '../config/models-config.js';
import { budgetExceeded, rateLimited } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { CountsToAdd, StateStore } from '../state/state-store.js';
import type { Budgets, KeyLimits } from './key-record.js';

// Tokens per minute are counted in buckets of 10 s: the window is the current bucket and the six before it, the
// oldest weighted by how much of it is still inside the last minute (a sliding-window counter).
const BUCKET_MS = 10_000;
const BUCKETS = 6;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Usage is kept long enough to be read back: days for a month and a bit, months for a year and a bit.
const DAY_TTL_MS = 35 * DAY_MS;
const MONTH_TTL_MS = 400 * DAY_MS;

/** Where a request's usage goes once its answer says how many tokens it took. */
export interface UsageAccount {
  record(model: string, input: number, output: number): void;
}

/** What a key or team used in a period, in total and per model. */
export interface UsageReport {
  readonly period: string;
  readonly requests: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cost: number;
  readonly models: Record<string, { requests: number; input_tokens: number; output_tokens: number; cost: number }>;
}

/** The key a request is counted for, and its team (the key's owner) with the team's budgets. */
export interface Spender {
  readonly keyId: string;
  readonly limits: KeyLimits;
  readonly team: string;
  readonly teamBudgets: Budgets | undefined;
}

interface Periods {
  readonly day: string;
  readonly month: string;
  readonly dayStarts: number;
  readonly dayEnds: number;
  readonly monthEnds: number;
}

// Every answer asks which day it is: the answer is kept until the day ends.
let periods: Periods | null = null;

/** The UTC day and month `now` falls in, and when each ends. */
export function periodsOf(now: number): Periods {
  if (periods && now >= periods.dayStarts && now < periods.dayEnds) return periods;
  const d = new Date(now);
  const day = d.toISOString().slice(0, 10);
  periods = {
    day,
    month: day.slice(0, 7),
    dayStarts: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
    dayEnds: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1),
    monthEnds: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
  return periods;
}

// The per-model field names of a usage counter, made once per model.
const modelFields = new Map<string, { requests: string; input: string; output: string; cost: string }>();

function fieldsOf(model: string) {
  let f = modelFields.get(model);
  if (!f) {
    f = {
      requests: `${model}|requests`,
      input: `${model}|input_tokens`,
      output: `${model}|output_tokens`,
      cost: `${model}|cost`,
    };
    if (modelFields.size < 10_000) modelFields.set(model, f);
  }
  return f;
}

const usageKey = (subject: 'key' | 'team', id: string, period: string) => `usage:${subject}:${id}:${period}`;
const bucketKey = (keyId: string, bucket: number) => `tpm:${keyId}:${bucket}`;

/**
 * Tokens per minute, budgets per day and month (key and team) and the usage they are counted from, in the shared
 * state store: every instance reads and adds to the same counters. A request is checked before it starts; its
 * tokens are added when its answer (streamed or not) reports them, so a request in flight always finishes and
 * the next one is refused.
 */
export class UsageMeter {
  constructor(
    private readonly state: StateStore,
    private readonly models: ModelsConfig,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Refuses a spender over a budget or its tokens per minute; the x-ratelimit-*-tokens headers otherwise. */
  check(spender: Spender, now = Date.now()): Record<string, string> | Promise<Record<string, string>> {
    const { limits, teamBudgets } = spender;
    const keyBudgets = hasBudget(limits);
    const teamHas = spender.team !== '' && teamBudgets !== undefined && hasBudget(teamBudgets);
    if (!limits.tpm && !keyBudgets && !teamHas) return NO_HEADERS;
    const p = periodsOf(now);
    const bucket = Math.floor(now / BUCKET_MS);
    const keys = limits.tpm ? Array.from({ length: BUCKETS + 1 }, (_, i) => bucketKey(spender.keyId, bucket - i)) : [];
    const budgetKeys = [
      ...(keyBudgets ? [usageKey('key', spender.keyId, p.day), usageKey('key', spender.keyId, p.month)] : []),
      ...(teamHas ? [usageKey('team', spender.team, p.day), usageKey('team', spender.team, p.month)] : []),
    ];
    const read = this.state.readCounts([...keys, ...budgetKeys], CHECKED_FIELDS);
    const judge = (counts: Array<Record<string, number>>) => {
      let at = keys.length;
      if (keyBudgets) {
        overBudget('key', limits, counts[at]!, counts[at + 1]!, p);
        at += 2;
      }
      if (teamHas) overBudget(`team '${spender.team}'`, teamBudgets!, counts[at]!, counts[at + 1]!, p);
      return limits.tpm ? tokensPerMinute(limits.tpm, counts.slice(0, keys.length), now) : NO_HEADERS;
    };
    return read instanceof Promise ? read.then(judge) : judge(read);
  }

  /** An account that adds a request's tokens (and their cost, when the model has prices) to every counter. */
  account(spender: Spender): UsageAccount {
    return { record: (model, input, output) => this.add(spender, model, input, output) };
  }

  report(subject: 'key' | 'team', id: string, period: string): Promise<UsageReport> {
    return readUsage(this.state, subject, id, period);
  }

  /** Many keys' or teams' usage in one period, in one read. */
  async reports(subject: 'key' | 'team', ids: readonly string[], period: string): Promise<UsageReport[]> {
    const counts = await this.state.readCounts(ids.map((id) => usageKey(subject, id, period)));
    return counts.map((c) => reportOf(period, c));
  }

  private add(spender: Spender, model: string, input: number, output: number): void {
    const now = Date.now();
    const p = periodsOf(now);
    const pricing = this.models.models.get(model)?.pricing;
    const cost = pricing ? (input * pricing.input_per_million + output * pricing.output_per_million) / 1e6 : 0;
    const f = fieldsOf(model);
    const amounts: Record<string, number> = {
      requests: 1,
      input_tokens: input,
      output_tokens: output,
      [f.requests]: 1,
      [f.input]: input,
      [f.output]: output,
    };
    if (cost > 0) {
      amounts['cost'] = cost;
      amounts[f.cost] = cost;
    }
    const counts: CountsToAdd[] = [
      { key: usageKey('key', spender.keyId, p.day), amounts, ttlMs: DAY_TTL_MS },
      { key: usageKey('key', spender.keyId, p.month), amounts, ttlMs: MONTH_TTL_MS },
    ];
    if (input + output > 0)
      counts.push({
        key: bucketKey(spender.keyId, Math.floor(now / BUCKET_MS)),
        amounts: { tokens: input + output },
        ttlMs: 2 * MINUTE_MS,
      });
    if (spender.team !== '')
      counts.push(
        { key: usageKey('team', spender.team, p.day), amounts, ttlMs: DAY_TTL_MS },
        { key: usageKey('team', spender.team, p.month), amounts, ttlMs: MONTH_TTL_MS },
      );
    if (cost > 0 && this.metrics.enabled) this.metrics.keyCost.inc({ key_id: spender.keyId, model_name: model }, cost);
    // The answer is the client's already: usage that cannot be stored is logged, not turned into an error.
    this.state
      .addCounts(counts)
      .catch((err: unknown) =>
        this.logger.error(`usage of key ${spender.keyId} not recorded: ${(err as Error).message}`),
      );
  }
}

/** A key's or team's usage in a period (`YYYY-MM-DD` or `YYYY-MM`, UTC), from any state store. */
export async function readUsage(
  state: Pick<StateStore, 'readCounts'>,
  subject: 'key' | 'team',
  id: string,
  period: string,
): Promise<UsageReport> {
  const [counts] = await state.readCounts([usageKey(subject, id, period)]);
  return reportOf(period, counts ?? {});
}

const NO_HEADERS: Record<string, string> = {};
// What a check reads of a counter: not the per-model fields, which grow with the models a key used.
const CHECKED_FIELDS = ['tokens', 'input_tokens', 'output_tokens', 'cost'];

function hasBudget(b: Budgets): boolean {
  return !!(b.tokens_per_day || b.tokens_per_month || b.cost_per_day || b.cost_per_month);
}

/** Throws when a day's or month's tokens or cost reached the budget (a request may end a little past it). */
function overBudget(
  whose: string,
  b: Budgets,
  day: Record<string, number>,
  month: Record<string, number>,
  p: Periods,
): void {
  const tokens = (c: Record<string, number>) => (c['input_tokens'] ?? 0) + (c['output_tokens'] ?? 0);
  const checks: Array<[number | undefined, number, string, number]> = [
    [b.tokens_per_day, tokens(day), 'tokens per day', p.dayEnds],
    [b.tokens_per_month, tokens(month), 'tokens per month', p.monthEnds],
    [b.cost_per_day, day['cost'] ?? 0, 'cost per day', p.dayEnds],
    [b.cost_per_month, month['cost'] ?? 0, 'cost per month', p.monthEnds],
  ];
  for (const [limit, used, what, renews] of checks)
    if (limit && used >= limit) throw budgetExceeded(`the ${whose}'s ${what} (${limit}, used ${round(used)})`, renews);
}

function tokensPerMinute(tpm: number, buckets: Array<Record<string, number>>, now: number): Record<string, string> {
  const into = (now % BUCKET_MS) / BUCKET_MS;
  let used = 0;
  let oldest = -1;
  buckets.forEach((b, age) => {
    const n = b['tokens'] ?? 0;
    if (n > 0) oldest = age;
    used += age === BUCKETS ? n * (1 - into) : n;
  });
  // The oldest bucket with tokens has fully left the minute this long from now.
  const resetMs = oldest < 0 ? 0 : (Math.floor(now / BUCKET_MS) - oldest + 1) * BUCKET_MS + MINUTE_MS - now;
  const headers = {
    'x-ratelimit-limit-tokens': String(tpm),
    'x-ratelimit-remaining-tokens': String(Math.max(0, Math.floor(tpm - used))),
    'x-ratelimit-reset-tokens': `${Math.ceil(resetMs / 1000)}s`,
  };
  if (used >= tpm) throw rateLimited(`${tpm} tokens per minute for this key`, resetMs / 1000, headers);
  return headers;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function reportOf(period: string, counts: Record<string, number>): UsageReport {
  const models: Record<string, { requests: number; input_tokens: number; output_tokens: number; cost: number }> = {};
  for (const [field, n] of Object.entries(counts)) {
    const bar = field.lastIndexOf('|');
    if (bar < 0) continue;
    const model = field.slice(0, bar);
    models[model] ??= { requests: 0, input_tokens: 0, output_tokens: 0, cost: 0 };
    const entry = models[model];
    const what = field.slice(bar + 1) as keyof typeof entry;
    if (what in entry) entry[what] = round(n);
  }
  return {
    period,
    requests: counts['requests'] ?? 0,
    input_tokens: counts['input_tokens'] ?? 0,
    output_tokens: counts['output_tokens'] ?? 0,
    cost: round(counts['cost'] ?? 0),
    models,
  };
}
