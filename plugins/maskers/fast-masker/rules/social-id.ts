import { rule } from '../rule.js';

export const socialId = rule('SOCIAL_ID', /\bfbid\d{8,}\b/gi, {
  hint: /fbid/i,
  startsAt: /fbid/gi,
});
