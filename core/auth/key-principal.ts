import type { EndpointGroup } from '../endpoints/endpoint.js';
import type { Principal } from '../http/exchange.js';
import type { KeyLimits, KeyRecord, Policy } from './key-record.js';

/** An authenticated key and its policy, compiled once per lookup. */
export class KeyPrincipal implements Principal {
  private readonly exact: ReadonlySet<string>;
  private readonly globs: readonly RegExp[];
  readonly limits: KeyLimits;

  constructor(
    readonly record: KeyRecord,
    readonly policy: Policy,
  ) {
    this.exact = new Set(policy.models.filter((m) => !m.includes('*')));
    this.globs = policy.models
      .filter((m) => m.includes('*'))
      .map((m) => new RegExp(`^${m.split('*').map(escapeRe).join('.*')}$`));
    this.limits = { ...policy.limits, ...record.limits };
  }

  get keyId(): string {
    return this.record.id;
  }

  allowsGroup(group: EndpointGroup): boolean {
    return this.policy.endpoints.includes(group);
  }

  allowsModel(model: string): boolean {
    return this.exact.has(model) || this.globs.some((g) => g.test(model));
  }
}

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
