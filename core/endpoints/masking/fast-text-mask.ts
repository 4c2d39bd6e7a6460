import { type DependencyContainer, inject, injectable } from 'tsyringe';
import { requireObject, requireString } from '../../dialects/request-fields.js';
import { StartupError } from '../../errors/startup-error.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { MaskerPipeline } from '../../pipeline/masking/masker-pipeline.js';
import { MaskingSession } from '../../pipeline/masking/masking-session.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from '../../pipeline/plugin-tokens.js';
import type { MaskerPlugin } from '../../plugins/plugin.js';
import type { PluginCatalogue } from '../../plugins/plugin-registry.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/**
 * `{"text"}` → `{"text", "mappings"}` with every fast_masker rule, whatever the masking settings; audited like
 * any other masking (LLM_ROUTER_MASKING_WITH_AUDIT), since the answer holds the originals.
 */
@injectable()
export class FastTextMask {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('fast_text_mask')],
    dialect: 'openai',
    group: 'builtin',
  };
  private readonly fastMasker: ReadonlyArray<{ id: string; plugin: MaskerPlugin }>;

  constructor(
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(MaskerPipeline) private readonly masking: MaskerPipeline,
  ) {
    const FastMasker = catalogue.get('fast_masker');
    if (!FastMasker) throw new StartupError('the fast_masker plugin is missing from plugins/maskers/');
    this.fastMasker = [{ id: 'fast_masker', plugin: container.resolve(FastMasker) as MaskerPlugin }];
  }

  async handle(ex: Exchange): Promise<void> {
    const text = requireString(requireObject(ex.body), 'text');
    const session = new MaskingSession();
    const [masked] = await this.masking.maskTexts(ex, [text], session, '', this.fastMasker);
    sendJson(ex.res, 200, { text: masked, mappings: session.mappings() });
  }
}
