import { type DependencyContainer, inject, injectable } from 'tsyringe';
import { requireObject, requireString } from '../../dialects/request-fields.js';
import { StartupError } from '../../errors/startup-error.js';
import { type Exchange, sendJson } from '../../http/exchange.js';
import { MaskingSession } from '../../pipeline/masking/masking-session.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from '../../pipeline/plugin-tokens.js';
import type { MaskerPlugin } from '../../plugins/plugin.js';
import type { PluginCatalogue } from '../../plugins/plugin-registry.js';
import { prefixed, type RouteSpec } from '../endpoint.js';

/** `{"text"}` → `{"text", "mappings"}` with every fast_masker rule, whatever the masking settings. */
@injectable()
export class FastTextMask {
  static readonly route: RouteSpec = { method: 'POST', paths: [prefixed('fast_text_mask')], dialect: 'openai' };
  private readonly masker: MaskerPlugin;

  constructor(
    @inject(PLUGIN_CATALOGUE) catalogue: PluginCatalogue,
    @inject(PLUGIN_CONTAINER) container: DependencyContainer,
  ) {
    const FastMasker = catalogue.get('fast_masker');
    if (!FastMasker) throw new StartupError('the fast_masker plugin is missing from plugins/maskers/');
    this.masker = container.resolve(FastMasker) as MaskerPlugin;
  }

  async handle(ex: Exchange): Promise<void> {
    const text = requireString(requireObject(ex.body), 'text');
    const session = new MaskingSession();
    const [masked] = await this.masker.apply([text], session, ex);
    sendJson(ex.res, 200, { text: masked, mappings: session.mappings() });
  }
}
