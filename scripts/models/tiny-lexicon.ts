/**
 * The words the tiny test models know. They stand in for what a trained model learnt, so that tests can
 * predict the verdict: a sentence with `bomb` is `crime`, `Anna Kowalska` is a person. Anything else is
 * tokenised into characters and means nothing to the models.
 */

/** Guard categories, named as Bielik-Guard (Sójka) names them, with the words that trigger each. */
export const GUARD_WORDS: Readonly<Record<string, readonly string[]>> = {
  hate: ['hate', 'vermin', 'scum', 'nienawidzę', 'podludzie'],
  vulgar: ['shit', 'fuck', 'kurwa', 'chuj'],
  sex: ['porn', 'porno', 'nude', 'nagie'],
  crime: ['bomb', 'bomba', 'bombę', 'explosive', 'explosives', 'detonator', 'ukraść', 'steal', 'zabić', 'kill'],
  'self-harm': ['suicide', 'samobójstwo', 'overdose', 'przedawkować'],
};

/** The Llama-Guard taxonomy class of HerBERT-PL-Guard that each category maps to. */
export const LLAMA_GUARD_CLASS: Readonly<Record<string, string>> = {
  hate: 'S10',
  vulgar: 'S10',
  sex: 'S12',
  crime: 'S1',
  'self-harm': 'S11',
};

/** Named-entity words: first names and places start an entity, surnames continue a person. */
export const ENTITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  'B-PER': [
    'jan',
    'anna',
    'piotr',
    'katarzyna',
    'maria',
    'tomasz',
    'agnieszka',
    'krzysztof',
    'zofia',
    'john',
    'mary',
    'michael',
    'sarah',
  ],
  'I-PER': [
    'kowalski',
    'kowalska',
    'nowak',
    'wiśniewski',
    'wiśniewska',
    'wójcik',
    'zielińska',
    'smith',
    'johnson',
    'brown',
  ],
  'B-LOC': [
    'warszawa',
    'warszawie',
    'kraków',
    'krakowie',
    'gdańsk',
    'gdańsku',
    'poznań',
    'poznaniu',
    'london',
    'berlin',
    'paris',
  ],
  'B-ORG': ['orlen', 'pzu', 'allegro', 'microsoft', 'google'],
};

/** Topics for the embedding model: words of one topic get nearby vectors. */
export const TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  code: ['code', 'python', 'function', 'bug', 'compile', 'typescript', 'kod', 'funkcja', 'błąd', 'program'],
  cooking: ['recipe', 'cook', 'soup', 'bake', 'cake', 'przepis', 'zupa', 'ciasto', 'gotować', 'piec'],
  weather: ['weather', 'rain', 'sunny', 'forecast', 'snow', 'pogoda', 'deszcz', 'słońce', 'prognoza', 'śnieg'],
  law: ['law', 'court', 'contract', 'lawyer', 'prawo', 'sąd', 'umowa', 'prawnik', 'ustawa', 'wyrok'],
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyząćęłńóśźż0123456789';
const PUNCTUATION = '.,!?;:\'"()[]{}-_/@#%&*+=<>|\\~`$^';

/** Every character alone and as a word-piece, so that unknown words still tokenise (into many pieces). */
export function characterPieces(): string[] {
  const chars = [...LETTERS];
  return [...chars, ...[...PUNCTUATION], ...chars.map((c) => `##${c}`)];
}
