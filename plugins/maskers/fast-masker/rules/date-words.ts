import { rule } from '../rule.js';

// "14 maja 2024", "2024 maj 14", "May 14th, 2024", "14 May 2024" (Polish month names in all their forms).
const PL =
  'stycz(?:eń|nia|niu)|luty|lutego|lutym|marz(?:ec|ca)|marcu|kwie(?:cień|tnia|tniu)|maj|maja|maju|czerw(?:iec|ca)|czerwcu|lip(?:iec|ca)|lipcu|sierp(?:ień|nia|niu)|wrze(?:sień|śnia|śniu)|październik(?:a|u)?|listopad(?:a|zie)?|grud(?:zień|nia|niu)|sty|lut|mar|kwi|cze|lip|sie|wrz|paź|lis|gru';
const EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const YEAR = '(?:1[89]\\d{2}|2\\d{3})';
const PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${DAY}\\.?\\s+(?:${PL}|${EN})\\.?\\s+${YEAR}|${YEAR}\\s+(?:${PL})\\s+${DAY}|(?:${EN})\\.?\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR})(?![\\p{L}\\d])`,
  'giu',
);

export const dateWords = rule('DATE', PATTERN, { hint: /\d{4}/ });
