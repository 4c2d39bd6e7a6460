import { type DependencyContainer, inject, singleton } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatRequest } from '../dialects/canonical.js';
import { utilsUnavailable } from '../errors/errors.js';
import { GatewayError } from '../errors/gateway-error.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import type { UtilsContext, UtilsPlugin } from '../plugins/plugin.js';
import { type PluginCatalogue, pluginsFor } from '../plugins/plugin-registry.js';
import type { ChatAnswer, ChatTurn } from './chat-turn.js';
import type { Stage } from './compose.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './plugin-tokens.js';

/** LLM_ROUTER_UTILS_PLUGINS_PIPELINE in order; runs first, so whatever it adds is guarded and masked too. */
@singleton()
export class UtilsPipeline {
  private readonly plugins: ReadonlyArray<{ readonly id: string; readonly plugin: UtilsPlugin }>;

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
  ) {
    this.plugins = pluginsFor<UtilsPlugin>(
      catalogue,
      container,
      'utils',
      settings.utils,
      'LLM_ROUTER_UTILS_PLUGINS_PIPELINE',
    );
  }

  get active(): boolean {
    return this.plugins.length > 0;
  }

  /** Each plugin's start-up work, in order; the gateway listens only after it. */
  async prepare(): Promise<void> {
    for (const { plugin } of this.plugins) await plugin.prepare?.();
  }

  /** Each plugin's reload; one that fails keeps its state and says so in one line (the others go on). */
  async reload(): Promise<string[]> {
    const refused: string[] = [];
    for (const { id, plugin } of this.plugins) {
      if (!plugin.reload) continue;
      try {
        await plugin.reload();
      } catch (err) {
        refused.push(id);
        this.logger.error(`utils plugin ${id} kept its state, the reload failed: ${(err as Error).message}`);
      }
    }
    return refused;
  }

  /** The request stage: the turn's canonical request, rewritten by each plugin in order. */
  readonly stage: Stage<ChatTurn, ChatAnswer> = async (turn, next) => {
    const { res } = turn.ex;
    const { session } = turn;
    const ctx: UtilsContext = {
      requestId: turn.ex.requestId,
      note: (name, value) => {
        if (!res.headersSent) res.setHeader(`x-llm-router-${name}`, value);
      },
      outbound: async (texts) => (session ? this.masker.maskTexts(turn.ex, texts, session, turn.clientModel) : texts),
    };
    turn.canonical = await this.apply(turn.canonical ?? turn.dialect.read(turn.body), ctx);
    return next();
  };

  /**
   * A plugin that fails (its embedder down, say) refuses the request with a 503 naming it; why goes to the log,
   * not to the client (it may name internal hosts). A plugin's own GatewayError (a bad field) passes as it is.
   */
  async apply(request: ChatRequest, ctx: UtilsContext): Promise<ChatRequest> {
    let current = request;
    for (const { id, plugin } of this.plugins) {
      try {
        current = await plugin.apply(current, ctx);
      } catch (err) {
        if (err instanceof GatewayError) throw err;
        this.logger.error(`utils plugin ${id} failed: ${(err as Error).message}`, { request_id: ctx.requestId });
        throw utilsUnavailable(id, err);
      }
    }
    return current;
  }
}
