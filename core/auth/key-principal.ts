import type { EndpointGroup } from '../endpoints/endpoint.js';
import type { Principal } from '../http/exchange.js';
import type { Budgets, KeyLimits, KeyRecord, Policy } from './key-record.js';
import type { Spender } from './usage-meter.js';

/** An authenticated key, its policy and its team's budgets, compiled once per lookup. */
export class KeyPrincipal implements Principal, Spender {
  private readonly exact: ReadonlySet<string>;
  private readonly globs: readonly RegExp[];
  readonly limits: KeyLimits;
  readonly privacy: Principal['privacy'];

  constructor(
    readonly record: KeyRecord,
    readonly policy: Policy,
    readonly teamBudgets: Budgets | undefined,
  ) {
    this.privacy = {
      masking: policy.masking === true,
      guardrails: { request: policy.guardrails?.request ?? [], response: policy.guardrails?.response ?? [] },
    };
    this.exact = new Set(policy.models.filter((m) => !m.includes('*')));
    this.globs = policy.models
      .filter((m) => m.includes('*'))
      .map((m) => new RegExp(`^${m.split('*').map(escapeRe).join('.*')}$`));
    this.limits = { ...policy.limits, ...record.limits };
  }

  get keyId(): string {
    return this.record.id;
  }

  get team(): string {
    return this.record.owner;
  }

  allowsGroup(group: EndpointGroup): boolean {
    return this.policy.endpoints.includes(group);
  }

  allowsModel(model: string): boolean {
    return this.exact.has(model) || this.globs.some((g) => g.test(model));
  }
}

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
