import { inject, injectable } from 'tsyringe';
import type { UtilsContext, UtilsPlugin } from '../../../core/plugins/plugin.js';
import {
  type ChatRequest,
  LOGGER,
  type Logger,
  METRICS,
  type Metrics,
  routingText,
  SETTINGS,
  type Settings,
} from '../../../core/plugins/plugin-api.js';
import { chooseModel } from './choose-model.js';
import { loadRoutingRules, type RoutingRules } from './routing-rules.js';

/**
 * `model: "auto"` → a model of the pool, by the request's intent (keywords, phrases, patterns) and length, as the
 * reference's simple router decides. Other models are left alone.
 */
@injectable()
export class SimpleSemanticRouting implements UtilsPlugin {
  static readonly id = 'simple_semantic_routing';
  static readonly kind = 'utils';
  private readonly rules: RoutingRules;

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
  ) {
    this.rules = loadRoutingRules(settings.routing.simpleConfig, settings.routing, 'LLM_ROUTER_ROUTING_SIMPLE_CONFIG');
  }

  apply(request: ChatRequest, ctx: UtilsContext): ChatRequest {
    if (request.model !== 'auto') return request;
    const model = chooseModel(routingText(request), this.rules);
    ctx.note('routing', `${SimpleSemanticRouting.id}; model=${model}`);
    this.metrics.routingDecisions.inc({ plugin: SimpleSemanticRouting.id, target: model, model_name: model });
    this.logger.debug(`routing: ${SimpleSemanticRouting.id} chose ${model}`, { request_id: ctx.requestId });
    return { ...request, model };
  }
}
