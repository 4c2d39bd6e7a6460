import { en, type WordKey } from './en.js';
import { pl } from './pl.js';

export type Language = 'en' | 'pl';
export type Words = Readonly<Record<WordKey, string>>;

export const wordsOf = (lang: Language): Words => (lang === 'pl' ? pl : en);
