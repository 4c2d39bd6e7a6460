import { labelled } from '../anchors.js';
import { rule } from '../rule.js';

export const socialId = rule('SOCIAL_ID', /\bfbid\d{8,}\b/gi, {
  hint: /fbid/i,
  anchor: labelled({ labels: ['fbid'], lengths: [8, Number.MAX_SAFE_INTEGER], near: { before: ['fbid'] } }),
});
