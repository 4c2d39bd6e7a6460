import { MaskingSession } from '../../../../core/pipeline/masking/masking-session.js';
import { FastMasker } from '../../../../plugins/maskers/fast-masker/fast-masker.js';

const masker = new FastMasker();

/** Masks one text with every rule; returns the text, the mappings and the tags used. */
export function mask(text: string) {
  const session = new MaskingSession();
  const [out] = masker.apply([text], session);
  const mappings = session.mappings();
  const tags = Object.keys(mappings).map((ph) => ph.replace(/^\{\{|_\d+\}\}$/g, ''));
  return { text: out!, mappings, tags, originals: Object.values(mappings) };
}
