import { type DependencyContainer, inject, singleton } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import type { ChatRequest } from '../dialects/canonical.js';
import type { UtilsContext, UtilsPlugin } from '../plugins/plugin.js';
import { type PluginCatalogue, pluginsFor } from '../plugins/plugin-registry.js';
import type { ChatAnswer, ChatTurn } from './chat-turn.js';
import type { Stage } from './compose.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from './plugin-tokens.js';

/** LLM_ROUTER_UTILS_PLUGINS_PIPELINE in order; runs first, so whatever it adds is guarded and masked too. */
@singleton()
export class UtilsPipeline {
  private readonly plugins: readonly UtilsPlugin[];

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
  ) {
    this.plugins = pluginsFor<UtilsPlugin>(
      catalogue,
      container,
      'utils',
      settings.utils,
      'LLM_ROUTER_UTILS_PLUGINS_PIPELINE',
    ).map((p) => p.plugin);
  }

  get active(): boolean {
    return this.plugins.length > 0;
  }

  /** Each plugin's start-up work, in order; the gateway listens only after it. */
  async prepare(): Promise<void> {
    for (const plugin of this.plugins) await plugin.prepare?.();
  }

  /** The request stage: the turn's canonical request, rewritten by each plugin in order. */
  readonly stage: Stage<ChatTurn, ChatAnswer> = async (turn, next) => {
    const { res } = turn.ex;
    const ctx: UtilsContext = {
      requestId: turn.ex.requestId,
      note: (name, value) => {
        if (!res.headersSent) res.setHeader(`x-llm-router-${name}`, value);
      },
    };
    turn.canonical = await this.apply(turn.canonical ?? turn.dialect.read(turn.body), ctx);
    return next();
  };

  async apply(request: ChatRequest, ctx: UtilsContext): Promise<ChatRequest> {
    let current = request;
    for (const plugin of this.plugins) current = await plugin.apply(current, ctx);
    return current;
  }
}
