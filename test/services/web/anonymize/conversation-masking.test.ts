import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskConversation } from '../../../../services/web/anonymize/conversation-masking.js';
import { type GatewayAnswer, GatewayClient } from '../../../../services/web/gateway/gateway-client.js';

/** Masks e-mail addresses the way the gateway does: numbered from 1 in every call. */
class MaskingGateway extends GatewayClient {
  sent: unknown[] = [];
  constructor(private readonly fail = false) {
    super('http://127.0.0.1:1', '', '');
  }
  override async client<T>(_method: string, _path: string, body?: unknown): Promise<GatewayAnswer<T>> {
    this.sent.push(body);
    if (this.fail) return { ok: false, status: 400, message: 'pii_masker is not configured on this gateway' };
    const mappings: Record<string, string> = {};
    const seen = new Map<string, string>();
    const text = String((body as { text: string }).text).replace(/[\w.]+@[\w.]+/g, (m) => {
      if (!seen.has(m)) seen.set(m, `{{EMAIL_${seen.size + 1}}}`);
      mappings[seen.get(m)!] = m;
      return seen.get(m)!;
    });
    return { ok: true, status: 200, body: { text, mappings } as T };
  }
}

describe('maskConversation', () => {
  it('gives one original one placeholder in every message, numbered across the conversation', async () => {
    const gateway = new MaskingGateway();
    const out = await maskConversation(gateway, ['a@x.pl wrote', 'b@x.pl and a@x.pl', 'only b@x.pl'], 'fast');
    assert.ok(out.ok);
    assert.deepEqual(out.texts, ['{{EMAIL_1}} wrote', '{{EMAIL_2}} and {{EMAIL_1}}', 'only {{EMAIL_2}}']);
    assert.deepEqual(out.mappings, { '{{EMAIL_1}}': 'a@x.pl', '{{EMAIL_2}}': 'b@x.pl' });
    assert.deepEqual((gateway.sent[0] as { maskers: string[] }).maskers, ['fast_masker']);
  });

  it('gives the same placeholders for the same history (the browser sends it again each turn)', async () => {
    const texts = ['b@x.pl', 'a@x.pl b@x.pl'];
    const first = await maskConversation(new MaskingGateway(), texts, 'fast+pii');
    const again = await maskConversation(new MaskingGateway(), [...texts, 'a@x.pl'], 'fast+pii');
    assert.ok(first.ok && again.ok);
    assert.deepEqual(again.texts.slice(0, 2), first.texts);
    assert.equal(again.texts[2], '{{EMAIL_2}}');
  });

  it('fails as a whole when one text cannot be masked, so nothing is sent in clear', async () => {
    const out = await maskConversation(new MaskingGateway(true), ['a@x.pl'], 'pii_masking');
    assert.deepEqual(out, { ok: false, message: 'pii_masker is not configured on this gateway' });
  });
});
