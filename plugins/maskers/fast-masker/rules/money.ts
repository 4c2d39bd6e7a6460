import { rule } from '../rule.js';

// An amount with a currency before or after it (symbol, ISO code or a Polish/English currency word),
// optionally "tys.", "mln", "mld". Without a currency a number is just a number.
const CODES = 'USD|EUR|GBP|PLN|CHF|CAD|AUD|JPY|NOK|SEK|DKK|CZK|HUF|RUB|CNY|INR';
const SYMBOLS = '[$€£¥₽₹]';
const WORDS =
  'zł\\.?|złot(?:y|e|ych|ymi|ówki|ego)|dolar(?:a|ów|y|ami)?|euro|eur\\.|eura|eurów|eurem|funt(?:a|ów|y)?|rubl(?:a|i|e)|rubel|dollars?|pounds?';
const AMOUNT = '\\d{1,3}(?:[ ,.\\u00A0]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const MAGNITUDE = '(?:\\s?(?:tys\\.|mln|mld|k|M))?';
const PATTERN = new RegExp(
  `(?:(?:${SYMBOLS}|\\b(?:${CODES}))\\s?(?:${AMOUNT})${MAGNITUDE}|(?<![\\w.,])(?:${AMOUNT})${MAGNITUDE}\\s?(?:${SYMBOLS}|(?:${CODES}|${WORDS})(?![\\p{L}])))`,
  'giu',
);

// Any currency symbol, ISO code or currency word must be present.
const HINT = new RegExp(`${SYMBOLS}|${CODES}|zł|złot|dolar|euro|eur\\.|funt|rub|dollar|pound`, 'i');

export const money = rule('MONEY', PATTERN, { hint: HINT });
