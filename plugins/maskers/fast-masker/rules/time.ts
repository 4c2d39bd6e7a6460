import { rule } from '../rule.js';

// 09:30, 23.59: a time of day (the dotted form is common in Polish).
export const time = rule('TIME', /(?<![\d.,:])(?:[01]\d|2[0-3])[:.][0-5]\d(?![\d]|[.,:]\d)/g);
