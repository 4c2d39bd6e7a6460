import type { Intent, RoutingRules } from './routing-rules.js';

export type Complexity = 'simple' | 'medium' | 'complex';

/** The reference's algorithm (its section 7.1), step by step. */
export function chooseModel(text: string, rules: RoutingRules): string {
  if (text === '') return rules.defaultModel;
  const intent = detectIntent(text.toLowerCase(), rules.intents);
  const complexity = complexityOf(text, rules.thresholds);
  const n = rules.pool.length;
  const base = indexFor(complexity, n);
  const target = intent === 'none' ? '' : (rules.intentAdjustment[intent] ?? '');
  const intentIndex = target === '' ? -1 : targetIndex(target, rules);
  const index = intentIndex >= 0 ? Math.max(base, intentIndex) : base - 1;
  return rules.pool[Math.min(n - 1, Math.max(0, index))]!;
}

/** The category with the highest score above 0 (ties: the first), or `none`. */
export function detectIntent(lowered: string, intents: ReadonlyMap<string, Intent>): string {
  let best = 'none';
  let bestScore = 0;
  for (const [name, intent] of intents) {
    if (name === 'none') continue;
    let score = 0;
    for (const kw of intent.keywords) if (lowered.includes(kw)) score += intent.weights[kw] ?? 1;
    for (const p of intent.phrases) if (lowered.includes(p.text)) score += p.weight;
    for (const re of intent.patterns) if (re.test(lowered)) score += 3;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/** Tokens are estimated as 1.25 per whitespace-separated word. */
export function complexityOf(text: string, [simple, medium]: readonly [number, number]): Complexity {
  const words = text.split(/\s+/).filter(Boolean).length;
  const tokens = Math.floor(words * 1.25);
  if (tokens <= simple) return 'simple';
  return tokens <= medium ? 'medium' : 'complex';
}

function indexFor(level: string, n: number): number {
  if (level === 'simple') return 0;
  return level === 'medium' ? Math.floor(n / 2) : n - 1;
}

/** Where the intent's model sits in the pool (searched from the end), else where its level would. */
function targetIndex(target: string, rules: RoutingRules): number {
  const name = rules.defaultModels[target];
  const at = name === undefined ? -1 : rules.pool.lastIndexOf(name);
  return at >= 0 ? at : indexFor(target, rules.pool.length);
}
