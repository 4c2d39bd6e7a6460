import { inject, singleton, type DependencyContainer } from 'tsyringe';
import { AUDIT_SINK, auditTimestamp, type AuditSink } from '../audit/audit-sink.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import { GatewayError } from '../errors/gateway-error.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { requestContext } from '../logging/request-context.js';
import type { GuardrailPlugin } from '../plugins/plugin.js';
import { pluginsFor, type PluginCatalogue } from '../plugins/plugin-registry.js';
import { SidecarUnavailable } from '../sidecars/sidecar-client.js';
import { chatTextSlots } from './masking/chat-texts.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './plugin-tokens.js';

export type GuardDirection = 'request' | 'response';

/** What the model wrote in an answer: text, reasoning and tool-call arguments. */
export function completionTexts(c: ChatCompletion): string[] {
  return c.choices.flatMap(({ message: m }) => [m.content ?? '', m.reasoning_content ?? '', ...(m.tool_calls ?? []).map((t) => t.function.arguments)]).filter((t) => t !== '');
}

/**
 * The guardrails of LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST and …_RESPONSE, in order; the first unsafe
 * verdict blocks with a 403 naming the plugin and category (the reference answered 500 and never looked at
 * answers). A guardrail that fails blocks too (503), unless LLM_ROUTER_GUARDRAIL_FAIL_MODE=open.
 */
@singleton()
export class GuardrailPipeline {
  private readonly stages: Readonly<Record<GuardDirection, ReadonlyArray<{ id: string; plugin: GuardrailPlugin }>>>;

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(AUDIT_SINK) private readonly audit: AuditSink,
  ) {
    const { request, response } = settings.guardrails;
    this.stages = {
      request: pluginsFor<GuardrailPlugin>(catalogue, container, 'guardrail', request.force ? request.pipeline : [], 'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST'),
      response: pluginsFor<GuardrailPlugin>(catalogue, container, 'guardrail', response.force ? response.pipeline : [], 'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE'),
    };
  }

  /** Whether a block is answered as an ordinary refusal instead of an error. */
  get refusesAsAssistant(): boolean {
    return this.settings.guardrails.rejection === 'assistant_message';
  }

  get active(): boolean {
    return this.stages.request.length > 0;
  }

  get guardsAnswers(): boolean {
    return this.stages.response.length > 0;
  }

  /** Characters of a streamed answer checked at a time (LLM_ROUTER_GUARDRAIL_STREAM_WINDOW). */
  get streamWindow(): number {
    return this.settings.guardrails.streamWindowChars;
  }

  async checkRequest(request: ChatRequest): Promise<void> {
    await this.check('request', chatTextSlots(request).slots.map((s) => s.text), String(request.model), null);
  }

  async checkAnswer(texts: readonly string[], model: string, provider: string): Promise<void> {
    await this.check('response', texts, model, provider);
  }

  private async check(direction: GuardDirection, texts: readonly string[], model: string, provider: string | null): Promise<void> {
    const began = auditTimestamp();
    const what = direction === 'request' ? 'request' : 'answer';
    for (const { id, plugin } of this.stages[direction]) {
      let verdict;
      try {
        verdict = await plugin.apply(texts);
      } catch (err) {
        const reason = err instanceof SidecarUnavailable ? ` (${err.message})` : '';
        if (this.settings.guardrails.failMode === 'open') {
          this.logger.warn(`guardrail ${id} failed; the ${what} passes unchecked (LLM_ROUTER_GUARDRAIL_FAIL_MODE=open): ${(err as Error).message}`);
          if (this.metrics.enabled) this.metrics.guardrailFailures.inc({ plugin: id });
          continue;
        }
        throw new GatewayError(503, 'guardrail_error', 'guardrail_unavailable', `The guardrail '${id}' failed${reason}, so the ${what} was not ${direction === 'request' ? 'sent' : 'delivered'}`, null, { 'retry-after': '5' }, err);
      }
      if (!verdict.safe) {
        const category = verdict.category ?? 'unsafe';
        if (this.metrics.enabled) this.metrics.guardrailIncidents.inc({ plugin: id, category, direction });
        if (this.settings.guardrails[direction].audit) {
          this.audit.record({
            type: `guardrail_${direction}`,
            request_id: requestContext.getStore()?.requestId ?? null,
            endpoint: requestContext.getStore()?.endpoint ?? null,
            model,
            provider,
            begin: { timestamp: began, payload: texts },
            end: { timestamp: auditTimestamp(), payload: { plugin: id, ...verdict }, mappings: {} },
          });
        }
        throw new GatewayError(403, 'guardrail_error', 'content_blocked', `The ${what} was blocked by the guardrail '${id}' (${category})`, direction === 'request' ? 'messages' : null);
      }
    }
  }
}
