import type { GatewayClient } from '../gateway/gateway-client.js';
import { placeholders } from './placeholders.js';

export const ALGORITHMS = {
  fast: ['fast_masker'],
  pii_masking: ['pii_masker'],
  'fast+pii': ['fast_masker', 'pii_masker'],
} as const;
export type Algorithm = keyof typeof ALGORITHMS;
export const isAlgorithm = (v: unknown): v is Algorithm => typeof v === 'string' && Object.hasOwn(ALGORITHMS, v);

const PLACEHOLDER = placeholders();

export interface MaskedText {
  readonly text: string;
  /** placeholder → original */
  readonly mappings: Readonly<Record<string, string>>;
}

export type MaskOutcome = { ok: true; value: MaskedText } | { ok: false; message: string };

export function maskText(gateway: GatewayClient, text: string, algorithm: Algorithm): Promise<MaskOutcome> {
  return gateway
    .client<MaskedText>('POST', '/api/fast_text_mask', { text, maskers: ALGORITHMS[algorithm] })
    .then((a) => (a.ok ? { ok: true, value: a.body } : { ok: false, message: a.message }));
}

/**
 * A whole conversation masked so that one original has one placeholder in every message: each text is masked
 * alone (the gateway numbers from 1 each time), then its placeholders are renumbered into the conversation's.
 * Deterministic, so the browser can send its history again each turn and the model sees the same placeholders.
 */
export async function maskConversation(
  gateway: GatewayClient,
  texts: readonly string[],
  algorithm: Algorithm,
): Promise<{ ok: true; texts: string[]; mappings: Record<string, string> } | { ok: false; message: string }> {
  const results = await Promise.all(texts.map((t) => maskText(gateway, t, algorithm)));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const byOriginal = new Map<string, string>();
  const counts = new Map<string, number>();
  const mappings: Record<string, string> = {};
  const out = results.map((r) => {
    const { text, mappings: own } = (r as { value: MaskedText }).value;
    return text.replace(PLACEHOLDER, (ph, tag: string) => {
      const original = own[ph];
      if (original === undefined) return ph;
      const key = `${tag}\u0000${original}`;
      let mine = byOriginal.get(key);
      if (!mine) {
        const n = (counts.get(tag) ?? 0) + 1;
        counts.set(tag, n);
        mine = `{{${tag}_${n}}}`;
        byOriginal.set(key, mine);
        mappings[mine] = original;
      }
      return mine;
    });
  });
  return { ok: true, texts: out, mappings };
}
