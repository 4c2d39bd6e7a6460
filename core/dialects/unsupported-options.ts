import { notCarried } from '../errors/errors.js';
import type { ChatRequest } from './canonical.js';

type Check = (request: ChatRequest) => boolean;

// Options that change the answer and that a backend format has no field for. Sent at their neutral value they
// change nothing and pass; otherwise leaving them out would answer a different question, so they are refused.
const given = (v: unknown) => v !== undefined && v !== null;
const CHECKS: Readonly<Record<string, Check>> = {
  n: (r) => given(r['n']) && r['n'] !== 1,
  logprobs: (r) => r['logprobs'] === true,
  top_logprobs: (r) => given(r['top_logprobs']) && r['top_logprobs'] !== 0,
  logit_bias: (r) => given(r['logit_bias']) && Object.keys(r['logit_bias'] as object).length > 0,
  presence_penalty: (r) => given(r['presence_penalty']) && r['presence_penalty'] !== 0,
  frequency_penalty: (r) => given(r['frequency_penalty']) && r['frequency_penalty'] !== 0,
  seed: (r) => given(r.seed),
  response_format: (r) => given(r.response_format) && r.response_format?.type !== 'text',
};

/** Refuses, naming the field and the format, the first option in `fields` that `request` sets and cannot be sent. */
export function refuseUnsupported(
  request: ChatRequest,
  fields: readonly (keyof typeof CHECKS)[],
  format: string,
): void {
  for (const f of fields) if (CHECKS[f]!(request)) throw notCarried(`'${f}'`, f, format);
}
