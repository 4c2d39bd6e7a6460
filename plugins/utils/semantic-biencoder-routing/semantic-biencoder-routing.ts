import { inject, injectable } from 'tsyringe';
import type { UtilsContext, UtilsPlugin } from '../../../core/plugins/plugin.js';
import {
  type ChatRequest,
  type Embedder,
  FlatIndex,
  Lifecycle,
  LOGGER,
  type Logger,
  METRICS,
  type Metrics,
  openEmbedder,
  routingText,
  SETTINGS,
  type Settings,
  textWindows,
} from '../../../core/plugins/plugin-api.js';
import { type BiencoderConfig, loadBiencoderConfig, type RoutingTarget } from './biencoder-config.js';

/** The target a query is closest to, and how close (mean similarity of its hits among the top k). */
export interface RoutingChoice {
  readonly target: RoutingTarget;
  readonly similarity: number;
}

/**
 * `model: "auto"` → the model of the routing target whose descriptions and examples the request is closest to.
 * Each description and example is cut into windows and embedded at start-up; a query takes the top k windows,
 * each target scores the mean similarity of its windows among them, the best wins. Below
 * `similarity_threshold` the model stays `auto`, so the next plugin of the pipeline (the simple router) decides.
 * Unlike the reference, `payload.routing` is not sent to the backend (strict OpenAI-compatible servers refuse
 * unknown fields); the decision is in the `x-llm-router-routing` header, a metric and a debug line.
 */
@injectable()
export class SemanticBiencoderRouting implements UtilsPlugin {
  static readonly id = 'semantic_biencoder_routing';
  static readonly kind = 'utils';
  private readonly config: BiencoderConfig;
  private embedder: Embedder | null = null;
  private index: FlatIndex | null = null;
  private owners: RoutingTarget[] = [];

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    this.config = loadBiencoderConfig(settings.routing.biencoder);
    lifecycle.register(SemanticBiencoderRouting.id, { stop: () => this.embedder?.close() });
  }

  async prepare(): Promise<void> {
    const c = this.config;
    const embedder = await openEmbedder(c.embedder, 'LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_MODEL (or embedding_model)');
    const texts: string[] = [];
    for (const target of c.targets)
      for (const text of [target.description, ...target.examples])
        for (const window of textWindows(text, c.chunkSize, c.chunkOverlap)) {
          texts.push(window);
          this.owners.push(target);
        }
    const index = new FlatIndex(embedder.dimension);
    index.add(await embedder.embed(texts));
    this.embedder = embedder;
    this.index = index;
    if (c.persistDir)
      this.logger.warn(
        `${SemanticBiencoderRouting.id}: the persist directory ${c.persistDir} is not used; the ${texts.length} target windows are embedded at start-up and searched in memory`,
      );
    this.logger.info(
      `${SemanticBiencoderRouting.id}: ${c.targets.length} targets, ${texts.length} windows, embedder ${embedder.id}`,
    );
  }

  async apply(request: ChatRequest, ctx: UtilsContext): Promise<ChatRequest> {
    if (request.model !== 'auto') return request;
    const text = routingText(request);
    if (text === '') return request;
    const query = this.embedder!.remote ? (await ctx.outbound([text]))[0]! : text;
    const choice = await this.choose(query);
    const id = SemanticBiencoderRouting.id;
    if (choice === null || choice.similarity < this.config.threshold) {
      this.logger.debug(`routing: ${id} not confident (${choice?.similarity.toFixed(3) ?? 'no hit'})`, {
        request_id: ctx.requestId,
      });
      return request;
    }
    const { target, similarity } = choice;
    ctx.note(
      'routing',
      `${id}; target=${target.name}; model=${target.model_name}; similarity=${similarity.toFixed(3)}`,
    );
    this.metrics.routingDecisions.inc({ plugin: id, target: target.name, model_name: target.model_name });
    this.logger.debug(`routing: ${id} chose ${target.name} → ${target.model_name} (${similarity.toFixed(3)})`, {
      request_id: ctx.requestId,
    });
    return { ...request, model: target.model_name };
  }

  async choose(text: string): Promise<RoutingChoice | null> {
    const [vector] = await this.embedder!.embed([text]);
    const hits = this.index!.search(vector!, this.config.topK);
    const byTarget = new Map<RoutingTarget, number[]>();
    for (const h of hits) {
      const t = this.owners[h.id]!;
      byTarget.set(t, [...(byTarget.get(t) ?? []), h.score]);
    }
    let best: RoutingChoice | null = null;
    for (const [target, scores] of byTarget) {
      const similarity = scores.reduce((a, b) => a + b, 0) / scores.length;
      if (!best || similarity > best.similarity) best = { target, similarity };
    }
    return best;
  }
}
