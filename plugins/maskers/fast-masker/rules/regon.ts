import { rule } from '../rule.js';
import { isValidRegon } from '../validators/regon.js';

export const regon = rule('REGON', /(?<![\d])(\d{9}|\d{14})(?![\d])/g, { group: 1, validate: isValidRegon });
