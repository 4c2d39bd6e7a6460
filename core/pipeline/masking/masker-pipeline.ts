import { type DependencyContainer, inject, singleton } from 'tsyringe';
import { AUDIT_SINK, type AuditSink, auditTimestamp } from '../../audit/audit-sink.js';
import { SETTINGS, type Settings } from '../../config/settings.js';
import type { Json } from '../../dialects/request-fields.js';
import {
  invalidValue,
  maskerUnavailable,
  maskingNotConfigured,
  policyMaskingUnavailable,
} from '../../errors/errors.js';
import type { Principal } from '../../http/exchange.js';
import type { RequestScope } from '../../logging/request-scope.js';
import { METRICS, type Metrics } from '../../metrics/metrics.js';
import type { MaskerPlugin } from '../../plugins/plugin.js';
import { type PluginCatalogue, pluginsFor } from '../../plugins/plugin-registry.js';
import { payloadTexts } from '../payload-texts.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from '../plugin-tokens.js';
import type { TextSlot } from '../text-channels.js';
import { MaskingSession } from './masking-session.js';

/**
 * The maskers of LLM_ROUTER_MASKING_STRATEGY_PIPELINE, in order, each on the previous one's output.
 * Fails closed: a masker that throws stops the request with a 503 naming it; nothing is sent unmasked.
 */
@singleton()
export class MaskerPipeline {
  private readonly plugins: ReadonlyArray<{ id: string; plugin: MaskerPlugin }>;

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(AUDIT_SINK) private readonly audit: AuditSink,
  ) {
    this.plugins = pluginsFor<MaskerPlugin>(
      catalogue,
      container,
      'masker',
      settings.masking.pipeline,
      'LLM_ROUTER_MASKING_STRATEGY_PIPELINE',
    );
  }

  /**
   * A session when this request is to be masked (forced, or `"anonymize": true`); the flag never reaches a
   * provider. Fails closed: a flag that is not a boolean is a 400 naming it (a string "true" once meant no
   * masking at all), and asking for masking where no masker is configured is refused, never served in clear.
   */
  sessionFor(body: Json, principal?: Principal): MaskingSession | null {
    const flag = body['anonymize'];
    if (flag !== undefined && typeof flag !== 'boolean')
      throw invalidValue("'anonymize' must be a boolean", 'anonymize');
    delete body['anonymize'];
    if (flag === true && this.plugins.length === 0) throw maskingNotConfigured();
    const byPolicy = principal?.privacy.masking === true;
    if (byPolicy && this.plugins.length === 0) throw policyMaskingUnavailable();
    return this.plugins.length > 0 && (this.settings.masking.force || flag === true || byPolicy)
      ? new MaskingSession()
      : null;
  }

  /** Whether a request of this key with this flag is masked (without taking the flag out of the body). */
  masks(flag: unknown, principal?: Principal): boolean {
    return (
      this.plugins.length > 0 && (this.settings.masking.force || flag === true || principal?.privacy.masking === true)
    );
  }

  get active(): boolean {
    return this.plugins.length > 0;
  }

  get restores(): boolean {
    return this.settings.masking.restore;
  }

  /**
   * Masks a payload as it will be sent to a provider, in the provider's own format: every field that can carry
   * what a user wrote, known or not (payload-texts.ts), so nothing the canonical form does not model is sent in
   * clear. `model` is the client's model name, for the audit record.
   */
  async maskPayload(scope: RequestScope, payload: Json, session: MaskingSession, model: string): Promise<void> {
    const { slots, commit } = payloadTexts(payload);
    await this.maskSlots(scope, slots, session, model);
    commit();
  }

  /**
   * Masks texts, each masker on the previous one's output (the configured ones unless `maskers` names others, as
   * `/api/fast_text_mask` does); fails closed, and is audited when anything was masked.
   */
  async maskTexts(
    scope: RequestScope,
    texts: readonly string[],
    session: MaskingSession,
    model = '',
    maskers: ReadonlyArray<{ id: string; plugin: MaskerPlugin }> = this.plugins,
  ): Promise<string[]> {
    const began = auditTimestamp();
    session.reserve(texts);
    let current = [...texts];
    for (const { id, plugin } of maskers) {
      try {
        current = await plugin.apply(current, session, scope);
      } catch (err) {
        throw maskerUnavailable(`The masker '${id}' failed, so the request was not sent`, err);
      }
      if (current.length !== texts.length)
        throw maskerUnavailable(`The masker '${id}' returned a wrong number of texts`);
    }
    this.report(scope, texts, current, session, model, began);
    return current;
  }

  private async maskSlots(
    scope: RequestScope,
    slots: TextSlot[],
    session: MaskingSession,
    model: string,
  ): Promise<void> {
    if (slots.length === 0) return;
    const masked = await this.maskTexts(
      scope,
      slots.map((s) => s.text),
      session,
      model,
    );
    slots.forEach((s, i) => {
      const value = masked[i]!;
      // A number sent as its placeholder comes back as the number, not as a string (see restoreText).
      if (s.numeric && value !== s.text && session.original(value) !== undefined) session.markNumeric(value);
      s.set(value);
    });
  }

  private report(
    scope: RequestScope,
    before: readonly string[],
    after: readonly string[],
    session: MaskingSession,
    model: string,
    began: number,
  ): void {
    if (session.size === 0) return;
    if (this.metrics.enabled) {
      this.metrics.maskerIncidents.inc();
      for (const [tag, n] of session.hits) this.metrics.maskerRuleHits.inc({ tag }, n);
    }
    if (this.settings.masking.audit) {
      this.audit.record({
        type: 'masking',
        request_id: scope.requestId,
        key_id: scope.keyId ?? null,
        endpoint: scope.endpoint,
        model: model || null,
        provider: null,
        begin: { timestamp: began, payload: before },
        end: { timestamp: auditTimestamp(), payload: after, mappings: session.mappings() },
      });
    }
  }
}
