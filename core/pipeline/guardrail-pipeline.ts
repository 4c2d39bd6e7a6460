import { inject, singleton, type DependencyContainer } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatRequest } from '../dialects/canonical.js';
import { GatewayError } from '../errors/gateway-error.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import type { GuardrailPlugin } from '../plugins/plugin.js';
import { pluginsFor, type PluginCatalogue } from '../plugins/plugin-registry.js';
import { chatTextSlots } from './masking/chat-texts.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './plugin-tokens.js';

/**
 * The request guardrails of LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST, in order; the first unsafe
 * verdict blocks with a 403 naming the plugin and category (the reference answered 500). A guardrail that
 * fails blocks too: nothing unchecked reaches a provider.
 */
@singleton()
export class GuardrailPipeline {
  private readonly request: ReadonlyArray<{ id: string; plugin: GuardrailPlugin }>;

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
  ) {
    const { request, response } = settings.guardrails;
    this.request = pluginsFor<GuardrailPlugin>(catalogue, container, 'guardrail', request.force ? request.pipeline : [], 'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST');
    // Response guardrails are checked at start-up now and applied with the guardrail sidecars (issue 5).
    pluginsFor(catalogue, container, 'guardrail', response.force ? response.pipeline : [], 'LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE');
  }

  /** Whether a block is answered as an ordinary refusal instead of an error. */
  get refusesAsAssistant(): boolean {
    return this.settings.guardrails.rejection === 'assistant_message';
  }

  get active(): boolean {
    return this.request.length > 0;
  }

  async checkRequest(request: ChatRequest): Promise<void> {
    const texts = chatTextSlots(request).slots.map((s) => s.text);
    for (const { id, plugin } of this.request) {
      let verdict;
      try {
        verdict = await plugin.apply(texts);
      } catch (err) {
        if (this.settings.guardrails.failMode === 'open') {
          this.logger.warn(`guardrail ${id} failed; the request passes unchecked (LLM_ROUTER_GUARDRAIL_FAIL_MODE=open): ${(err as Error).message}`);
          if (this.metrics.enabled) this.metrics.guardrailFailures.inc({ plugin: id });
          continue;
        }
        throw new GatewayError(503, 'guardrail_error', 'guardrail_unavailable', `The guardrail '${id}' failed, so the request was not sent`, null, { 'retry-after': '5' }, err);
      }
      if (!verdict.safe) {
        if (this.metrics.enabled) this.metrics.guardrailIncidents.inc({ plugin: id, category: verdict.category ?? 'unsafe', direction: 'request' });
        throw new GatewayError(403, 'guardrail_error', 'content_blocked', `The request was blocked by the guardrail '${id}' (${verdict.category ?? 'unsafe'})`, 'messages');
      }
    }
  }
}
