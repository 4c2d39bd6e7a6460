import { rule } from '../rule.js';

// A JSON Web Token: three base64url parts, the first a JSON header ("eyJ" is `{"` encoded).
export const jwt = rule('JWT', /\beyJ[\w-]{7,}\.[\w-]{10,}\.[\w-]{10,}/g, {
  hint: /eyJ/,
  startsAt: /eyJ/g,
  needsDigit: false,
});
