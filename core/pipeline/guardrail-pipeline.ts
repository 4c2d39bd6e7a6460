import { type DependencyContainer, inject, singleton } from 'tsyringe';
import { AUDIT_SINK, type AuditSink, auditTimestamp } from '../audit/audit-sink.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatRequest } from '../dialects/canonical.js';
import type { Json } from '../dialects/request-fields.js';
import { contentBlocked, guardrailUnavailable } from '../errors/errors.js';
import { GuardrailBlocked } from '../errors/gateway-error.js';
import type { Principal } from '../http/exchange.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { type RequestScope, scoped } from '../logging/request-scope.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import type { GuardrailPlugin, GuardVerdict } from '../plugins/plugin.js';
import { type PluginCatalogue, pluginsFor } from '../plugins/plugin-registry.js';
import { SidecarUnavailable } from '../sidecars/sidecar-client.js';
import type { ChatAnswer, ChatTurn } from './chat-turn.js';
import type { Stage } from './compose.js';
import { GuardStage } from './guard-stage.js';
import { bodyGuardTexts, requestGuardTexts } from './guard-texts.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './plugin-tokens.js';

export type GuardDirection = 'request' | 'response';

type Guards = ReadonlyArray<{ id: string; plugin: GuardrailPlugin }>;

/** Who a check is for: the request, and the key whose policy may add guardrails. */
type GuardScope = RequestScope & { readonly principal?: Principal };

/**
 * The guardrails of LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST and …_RESPONSE, in order; the first unsafe
 * verdict blocks with a 403 naming the plugin and category (the reference answered 500 and never looked at
 * answers). A guardrail that fails blocks too (503), unless LLM_ROUTER_GUARDRAIL_FAIL_MODE=open.
 */
@singleton()
export class GuardrailPipeline {
  private readonly stages: Readonly<Record<GuardDirection, Guards>>;
  // The global guardrails plus those a key's policy names, by direction and names: built once per list.
  private readonly byPolicy = new Map<string, Guards>();

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(PLUGIN_CATALOGUE) private readonly catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) private readonly container: DependencyContainer,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(AUDIT_SINK) private readonly audit: AuditSink,
  ) {
    const { request, response } = settings.guardrails;
    this.stages = {
      request: pluginsFor<GuardrailPlugin>(
        catalogue,
        container,
        'guardrail',
        request.force ? request.pipeline : [],
        'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST',
      ),
      response: pluginsFor<GuardrailPlugin>(
        catalogue,
        container,
        'guardrail',
        response.force ? response.pipeline : [],
        'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE',
      ),
    };
  }

  /**
   * The one place that decides a refusal: a guardrail block is answered as an ordinary assistant message when
   * LLM_ROUTER_REJECTION_MODE=assistant_message; null for anything else, which stays an error.
   */
  refusalFor(err: unknown): GuardrailBlocked | null {
    return err instanceof GuardrailBlocked && this.settings.guardrails.rejection === 'assistant_message' ? err : null;
  }

  get active(): boolean {
    return this.stages.request.length > 0;
  }

  /** Whether this request's answer is guarded: by the global guardrails or by its key's policy. */
  guardsAnswersFor(scope: GuardScope): boolean {
    return this.stages.response.length > 0 || (scope.principal?.privacy.guardrails.response.length ?? 0) > 0;
  }

  /** The request stage; it only reads, so a same-protocol request stays on the pass-through. */
  readonly requestStage: Stage<ChatTurn, ChatAnswer> = async (turn, next) => {
    if (this.guardsFor('request', turn.ex).length > 0)
      await this.checkRequest(turn.canonical ?? turn.dialect.read(turn.body), turn.ex);
    return next();
  };

  async checkRequest(request: ChatRequest, scope: GuardScope): Promise<void> {
    await this.check(scope, 'request', requestGuardTexts(request), String(request.model), null);
  }

  /** Request guardrails over any other body (embeddings input): every text it carries, as the masker reads it. */
  async checkBody(body: Json, scope: GuardScope): Promise<void> {
    if (this.guardsFor('request', scope).length === 0) return;
    await this.check(scope, 'request', bodyGuardTexts(body), String(body['model']), null);
  }

  /** The answer guardrails as a stage of one provider's answer; streams a window at a time. */
  answerStage(scope: GuardScope, model: string, provider: string): GuardStage {
    const window = this.settings.guardrails.streamWindowChars;
    return new GuardStage((texts) => this.check(scope, 'response', texts, model, provider), window);
  }

  /**
   * The guardrails a request passes: the global ones, then those its key's policy adds. A policy naming a
   * guardrail this gateway cannot build refuses its requests (503), never lets them through unchecked.
   */
  private guardsFor(direction: GuardDirection, scope: GuardScope): Guards {
    const extra = scope.principal?.privacy.guardrails[direction] ?? [];
    const global = this.stages[direction];
    if (extra.length === 0) return global;
    const name = `${direction}|${extra.join(',')}`;
    let guards = this.byPolicy.get(name);
    if (!guards) {
      const have = new Set(global.map((g) => g.id));
      const wanted = [...new Set(extra)].filter((id) => !have.has(id));
      try {
        guards = [
          ...global,
          ...pluginsFor<GuardrailPlugin>(this.catalogue, this.container, 'guardrail', wanted, 'the key policy'),
        ];
      } catch (err) {
        throw guardrailUnavailable(
          `The key's policy names a guardrail this gateway cannot run: ${(err as Error).message}`,
          err,
        );
      }
      this.byPolicy.set(name, guards);
    }
    return guards;
  }

  private async check(
    scope: GuardScope,
    direction: GuardDirection,
    texts: readonly string[],
    model: string,
    provider: string | null,
  ): Promise<void> {
    const began = auditTimestamp();
    const what = direction === 'request' ? 'request' : 'answer';
    for (const { id, plugin } of this.guardsFor(direction, scope)) {
      let verdict: GuardVerdict;
      try {
        verdict = await plugin.apply(texts, scope);
      } catch (err) {
        const reason = err instanceof SidecarUnavailable ? ` (${err.message})` : '';
        if (this.settings.guardrails.failMode === 'open') {
          const line = `guardrail ${id} failed; the ${what} passes unchecked (LLM_ROUTER_GUARDRAIL_FAIL_MODE=open): ${(err as Error).message}`;
          this.logger.warn(line, scoped(scope));
          if (this.metrics.enabled) this.metrics.guardrailFailures.inc({ plugin: id });
          continue;
        }
        throw guardrailUnavailable(
          `The guardrail '${id}' failed${reason}, so the ${what} was not ${direction === 'request' ? 'sent' : 'delivered'}`,
          err,
        );
      }
      if (!verdict.safe) {
        const category = verdict.category ?? 'unsafe';
        if (this.metrics.enabled) this.metrics.guardrailIncidents.inc({ plugin: id, category, direction });
        if (this.settings.guardrails[direction].audit) {
          this.audit.record({
            type: `guardrail_${direction}`,
            request_id: scope.requestId,
            key_id: scope.keyId ?? null,
            endpoint: scope.endpoint,
            model,
            provider,
            begin: { timestamp: began, payload: texts },
            end: { timestamp: auditTimestamp(), payload: { plugin: id, ...verdict }, mappings: {} },
          });
        }
        throw contentBlocked(what, id, category);
      }
    }
  }
}
