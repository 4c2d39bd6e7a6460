import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { container } from 'tsyringe';
import { type AuditEvent, type AuditSink, NoAudit } from '../../../../core/audit/audit-sink.js';
import { loadSettings } from '../../../../core/config/settings.js';
import { GatewayError } from '../../../../core/errors/gateway-error.js';
import { Metrics } from '../../../../core/metrics/metrics.js';
import { MaskerPipeline } from '../../../../core/pipeline/masking/masker-pipeline.js';
import { MaskingSession } from '../../../../core/pipeline/masking/masking-session.js';
import { restoreText } from '../../../../core/pipeline/masking/placeholder-restorer.js';
import type { PluginClass } from '../../../../core/plugins/plugin.js';
import { discoverPlugins } from '../../../../core/plugins/plugin-registry.js';

class BrokenMasker {
  static readonly id = 'broken';
  static readonly kind = 'masker' as const;
  apply(): string[] {
    throw new Error('sidecar down');
  }
}

async function pipeline(env: Record<string, string>, audit: AuditSink = new NoAudit()) {
  const catalogue = new Map<string, PluginClass>(await discoverPlugins());
  catalogue.set(BrokenMasker.id, BrokenMasker);
  return new MaskerPipeline(loadSettings(env), catalogue, container.createChildContainer(), new Metrics(false), audit);
}

const SCOPE = { requestId: 'req-7', endpoint: '/v1/chat/completions' };

describe('MaskerPipeline', () => {
  it('fails closed with a 503 naming the masker', async () => {
    const p = await pipeline({
      LLM_ROUTER_FORCE_MASKING: '1',
      LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker,broken',
    });
    await assert.rejects(
      p.maskTexts(SCOPE, ['jan@example.com'], new MaskingSession()),
      (e: unknown) =>
        e instanceof GatewayError && e.status === 503 && e.code === 'masker_unavailable' && /'broken'/.test(e.message),
    );
  });

  it('stops start-up on an unknown masker id, naming the variable', async () => {
    await assert.rejects(
      pipeline({ LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker,psychic' }),
      /LLM_ROUTER_MASKING_STRATEGY_PIPELINE: unknown masker plugin "psychic"/,
    );
  });

  it('records a masking audit event with before, after and mappings when auditing is on', async () => {
    const events: AuditEvent[] = [];
    const p = await pipeline(
      {
        LLM_ROUTER_FORCE_MASKING: '1',
        LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker',
        LLM_ROUTER_MASKING_WITH_AUDIT: '1',
      },
      { record: (e: AuditEvent) => void events.push(e) },
    );
    await p.maskTexts(SCOPE, ['mail jan@example.com', 'nothing here'], new MaskingSession(), 'model-x');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.type, 'masking');
    assert.equal(events[0]!.model, 'model-x');
    assert.equal(events[0]!.request_id, 'req-7');
    assert.equal(events[0]!.endpoint, '/v1/chat/completions');
    assert.deepEqual(events[0]!.end.payload, ['mail {{EMAIL_1}}', 'nothing here']);
    assert.deepEqual(events[0]!.begin.payload, ['mail jan@example.com', 'nothing here']);
    assert.deepEqual(events[0]!.end.mappings, { '{{EMAIL_1}}': 'jan@example.com' });
    assert.ok(events[0]!.begin.timestamp <= events[0]!.end.timestamp);
    await p.maskTexts(SCOPE, ['nothing to mask'], new MaskingSession());
    assert.equal(events.length, 1, 'no event when nothing changed');
  });

  it('masks only when forced or asked, and strips the "anonymize" flag', async () => {
    const optIn = await pipeline({ LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
    const plain: Record<string, unknown> = { model: 'm' };
    assert.equal(optIn.sessionFor(plain), null);
    const asked: Record<string, unknown> = { model: 'm', anonymize: true };
    assert.ok(optIn.sessionFor(asked));
    assert.equal('anonymize' in asked, false);
    const none = await pipeline({});
    assert.equal(none.sessionFor({ anonymize: false }), null);
  });

  it('never issues a placeholder the client wrote itself, so its literal text is never restored into a value', async () => {
    const p = await pipeline({ LLM_ROUTER_FORCE_MASKING: '1', LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
    const session = new MaskingSession();
    const masked = await p.maskTexts(SCOPE, ['My template says {{EMAIL_1}}.', 'Mail jan@example.com'], session);
    assert.deepEqual(masked, ['My template says {{EMAIL_1}}.', 'Mail {{EMAIL_2}}']);
    assert.equal(
      restoreText('Keep {{EMAIL_1}}, write to {{EMAIL_2}}', session),
      'Keep {{EMAIL_1}}, write to jan@example.com',
    );
  });

  it('sends a number as its placeholder and gives the number back in a whole answer', async () => {
    const p = await pipeline({ LLM_ROUTER_FORCE_MASKING: '1', LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
    const session = new MaskingSession();
    const payload = {
      model: 'm',
      messages: [
        {
          role: 'assistant',
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"pesel":44051401359}' } }],
        },
      ],
    };
    await p.maskPayload(SCOPE, payload, session, 'm');
    assert.equal(payload.messages[0]!.tool_calls[0]!.function.arguments, '{"pesel":"{{PESEL_1}}"}');
    assert.equal(
      restoreText('{"pesel":"{{PESEL_1}}","note":"{{PESEL_1}} again"}', session, true),
      '{"pesel":44051401359,"note":"44051401359 again"}',
    );
    assert.equal(restoreText('PESEL {{PESEL_1}}', session), 'PESEL 44051401359');
  });

  it('fails closed on the flag: not a boolean is a 400 naming it, masking asked of no masker is refused', async () => {
    const optIn = await pipeline({ LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' });
    for (const flag of ['true', 1, null, {}]) {
      assert.throws(
        () => optIn.sessionFor({ model: 'm', anonymize: flag }),
        (e: unknown) => e instanceof GatewayError && e.status === 400 && e.param === 'anonymize',
        JSON.stringify(flag),
      );
    }
    const none = await pipeline({});
    assert.throws(
      () => none.sessionFor({ model: 'm', anonymize: true }),
      (e: unknown) =>
        e instanceof GatewayError &&
        e.code === 'masking_not_configured' &&
        e.param === 'anonymize' &&
        /LLM_ROUTER_MASKING_STRATEGY_PIPELINE/.test(e.message),
    );
  });
});
