import { join } from 'node:path';
import type { GuardrailPlugin, GuardVerdict } from '../../../core/plugins/plugin.js';
import { decodedPayloads } from './decode.js';
import { FirstWords } from './first-words.js';
import { loadNgramModel } from './ngram-model.js';
import { normalize } from './normalize.js';
import { branchesOf } from './pattern-words.js';
import { SIGNALS, type Signal } from './signals.js';

// One strong signal blocks, and so do two weaker ones together; no single weak cue ("act as", "from now on")
// blocks alone. Chosen from the precision/recall curve in docs/QUALITY.md, where precision is still 1.00.
const THRESHOLD = 0.8;

/**
 * Deterministic prompt-injection, jailbreak and system-prompt-exfiltration detection in English, Polish and
 * German, without a model or a sidecar: each text is normalised (case, spacing, leetspeak, invisible Unicode),
 * then weighted signals are summed; the strongest category names the block.
 */
export class InjectionGuard implements GuardrailPlugin {
  static readonly id = 'injection_guard';
  static readonly kind = 'guardrail';

  apply(texts: readonly string[]): GuardVerdict {
    let best: GuardVerdict = { safe: true, score: 0 };
    for (const text of texts) {
      const verdict = judge(text);
      if ((verdict.score ?? 0) > (best.score ?? 0)) best = verdict;
      if (!verdict.safe) return verdict;
    }
    return best;
  }
}

/**
 * The verdict on a text: the text as written (normalised), and each payload decoded from it, judged alone.
 * An attack phrase quoted inside a text that discusses attacks ("explain why \"ignore previous instructions\"
 * works") counts for less than one addressed to the assistant.
 */
export function judge(text: string): GuardVerdict {
  const normalised = normalize(text);
  const best = judgeRules(text, normalised);
  // Where the rules saw something but not enough, the n-gram model decides (docs/QUALITY.md: on held-out data
  // this adds recall without false alarms; letting it judge texts with no signal at all added both).
  if (best.safe && (best.score ?? 0) >= GREY_ZONE && MODEL.probability(normalised) >= MODEL.file.threshold)
    return { safe: false, score: best.score ?? 0, category: best.category ?? 'instruction_override' };
  return best;
}

/** The rules alone (the evaluation compares them with and without the model). */
export function judgeRules(text: string, normalised = normalize(text)): GuardVerdict {
  let best = judgeView(normalised);
  if (!best.safe) return best;
  for (const payload of decodedPayloads(text)) {
    const verdict = judgeView(normalize(payload));
    if (!verdict.safe) return verdict;
    if ((verdict.score ?? 0) > (best.score ?? 0)) best = verdict;
  }
  return best;
}

const GREY_ZONE = 0.3;
const MODEL = loadNgramModel(join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'guard'));

function judgeView(t: string): GuardVerdict {
  const quoted: string[] = [];
  const rest = t.replace(QUOTED, (q) => {
    quoted.push(q);
    return ' ';
  });
  if (quoted.length === 0 || !DISCUSSION.test(rest)) return scored(t, 1);
  const own = scored(rest, 1);
  const cited = scored(quoted.join(' \n '), QUOTED_WEIGHT);
  // What the text quotes blocks only on its own lowered weights, and names the block when it is the stronger.
  return !cited.safe && (own.safe || (cited.score ?? 0) > (own.score ?? 0)) ? cited : own;
}

// Quotations and inline code: what a text cites rather than says.
const QUOTED =
  /"[^"\n]{3,400}"|\u201C[^\u201D\n]{3,400}\u201D|\u201E[^\u201C\u201D\n]{3,400}[\u201C\u201D]|\u00AB[^\u00BB\n]{3,400}\u00BB|`[^`\n]{3,400}`|```[\s\S]{3,4000}?```/g;
// Words of a text about attacks (a lesson, an article, a report), in the languages of the signals.
const DISCUSSION =
  /\b(prompt injections?|injection attacks?|jailbreak(ing)? (attacks?|prompts?)|attacks?|attackers?|the phrase|phrases like|for example|such as|explain (why|how|what)|security (training|awareness)|article|blog post|ataki?\w*|atak\w*|angriff\w*|attaque\w*|ataque\w*|attacc\w*|ataca\w*)\b|(?<!\p{L})(атак\p{L}*)(?!\p{L})/u;
const QUOTED_WEIGHT = 0.3;

/**
 * Each signal's pattern as its top-level alternatives (a signal counted once per different match keeps its
 * pattern whole), each tried only where the text has a word its matches can begin with (first-words.ts).
 */
const BRANCHES = SIGNALS.map((s) => (s.distinct === undefined ? branchesOf(s.pattern) : [s.pattern]));
const BRANCH_FROM = [0];
for (const b of BRANCHES) BRANCH_FROM.push(BRANCH_FROM[BRANCH_FROM.length - 1]! + b.length);
const FIRST_WORDS = new FirstWords(BRANCHES.flat());

function scored(t: string, factor: number): GuardVerdict {
  let score = 0;
  const byCategory = new Map<Signal['category'], number>();
  FIRST_WORDS.read(t);
  for (let n = 0; n < SIGNALS.length; n++) {
    const s = SIGNALS[n]!;
    // Once blocked, only a strong signal can change which category names the block.
    if (score >= THRESHOLD && s.weight < 1) continue;
    if (s.contains !== undefined && !t.includes(s.contains)) continue;
    const weight = s.distinct === undefined ? (matches(n, t) ? s.weight : 0) : distinctWeight(s, t, BRANCH_FROM[n]!);
    if (weight === 0) continue;
    score += weight * factor;
    byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + weight);
  }
  const category = [...byCategory].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { safe: score < THRESHOLD, score, ...(category ? { category } : {}) };
}

/** Whether one of signal n's alternatives matches. */
function matches(n: number, t: string): boolean {
  for (let i = BRANCH_FROM[n]!; i < BRANCH_FROM[n + 1]!; i++) if (FIRST_WORDS.test(i, t)) return true;
  return false;
}

/** A global pattern's weight once per different word it matched, up to `distinct` times. */
function distinctWeight(s: Signal, t: string, branch: number): number {
  if (!FIRST_WORDS.mayMatch(branch)) return 0;
  const seen = new Set<string>();
  for (const m of t.matchAll(s.pattern)) {
    seen.add(m[0]);
    if (seen.size >= s.distinct!) break;
  }
  return seen.size * s.weight;
}
