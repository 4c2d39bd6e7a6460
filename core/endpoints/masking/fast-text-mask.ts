import { type DependencyContainer, inject, injectable } from 'tsyringe';
import { SETTINGS, type Settings } from '../../config/settings.js';
import { requireObject, requireString } from '../../dialects/request-fields.js';
import { invalidValue, maskerNotConfigured } from '../../errors/errors.js';
import { StartupError } from '../../errors/startup-error.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { MaskerPipeline } from '../../pipeline/masking/masker-pipeline.js';
import { MaskingSession } from '../../pipeline/masking/masking-session.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from '../../pipeline/plugin-tokens.js';
import type { MaskerPlugin } from '../../plugins/plugin.js';
import type { PluginCatalogue } from '../../plugins/plugin-registry.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

const MASKERS = ['fast_masker', 'pii_masker'] as const;

/**
 * `{"text", "maskers"?}` → `{"text", "mappings"}`: the text masked by the maskers named, in order (by default
 * every fast_masker rule), whatever the masking settings; `pii_masker` needs its sidecar
 * (LLM_ROUTER_MASKER_PII_HOST). Audited like any other masking (LLM_ROUTER_MASKING_WITH_AUDIT), since the
 * answer holds the originals. The anonymizer page calls this.
 */
@injectable()
export class FastTextMask {
  static readonly route: RouteSpec = {
    method: 'POST',
    paths: [prefixed('fast_text_mask')],
    dialect: 'openai',
    group: 'builtin',
  };
  private readonly maskers = new Map<string, MaskerPlugin>();

  constructor(
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
    @inject(MaskerPipeline) private readonly masking: MaskerPipeline,
    @inject(SETTINGS) settings: Settings,
  ) {
    for (const id of MASKERS) {
      if (id === 'pii_masker' && settings.sidecars.piiMaskerHost === '') continue;
      const plugin = catalogue.get(id);
      if (!plugin) throw new StartupError(`the ${id} plugin is missing from plugins/maskers/`);
      this.maskers.set(id, container.resolve(plugin) as MaskerPlugin);
    }
  }

  async handle(ex: Exchange): Promise<void> {
    const body = requireObject(ex.body);
    const text = requireString(body, 'text');
    const session = new MaskingSession();
    const [masked] = await this.masking.maskTexts(ex, [text], session, '', this.chosen(body['maskers']));
    sendJson(ex.res, 200, { text: masked, mappings: session.mappings() });
  }

  private chosen(names: unknown): Array<{ id: string; plugin: MaskerPlugin }> {
    if (names === undefined) names = ['fast_masker'];
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string'))
      throw invalidValue(`'maskers' must be a non-empty list of: ${MASKERS.join(', ')}`, 'maskers');
    return [...new Set(names as string[])].map((id, i) => {
      const plugin = this.maskers.get(id);
      if (plugin) return { id, plugin };
      // The caller's text is named only when it is one of ours.
      if (!(MASKERS as readonly string[]).includes(id))
        throw invalidValue(`'maskers' must be a non-empty list of: ${MASKERS.join(', ')}`, `maskers.${i}`);
      throw maskerNotConfigured(id, `maskers.${i}`);
    });
  }
}
