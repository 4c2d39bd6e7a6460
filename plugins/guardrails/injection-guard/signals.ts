/** One way an injection shows itself; weights add up to a verdict. Patterns see folded text (no diacritics). */
export interface Signal {
  readonly id: string;
  readonly category: 'instruction_override' | 'jailbreak' | 'prompt_exfiltration';
  readonly weight: number;
  readonly pattern: RegExp;
}

const W = '[^.!?\\n]{0,40}';

export const SIGNALS: readonly Signal[] = [
  // Overriding the instructions the model was given.
  {
    id: 'override-en',
    category: 'instruction_override',
    weight: 1,
    pattern: new RegExp(
      `\\b(ignore|disregard|forget|skip|override|bypass|drop)\\b${W}\\b(previous|prior|above|earlier|preceding|all|any|your|these|those|initial|original|system|every)\\b${W}\\b(instructions?|prompts?|rules?|directions?|guidelines?|commands?|orders?|context|restrictions?|programming|polic(y|ies)|constraints|tasks?)\\b`,
    ),
  },
  {
    id: 'override-de',
    category: 'instruction_override',
    weight: 1,
    pattern: new RegExp(
      `\\b(ignorier\\w*|vergiss|vergesst|vergessen|missachte\\w*|ubergeh\\w*|vernachlassig\\w*)\\b${W}\\b(anweisung\\w*|instruktion\\w*|regeln?|auftrage?|aufgaben?|alles|vorgaben?|befehle?|vorherige\\w*|bisherige\\w*)\\b`,
    ),
  },
  {
    id: 'override-pl',
    category: 'instruction_override',
    weight: 1,
    pattern: new RegExp(
      `\\b(zignoruj\\w*|ignoruj\\w*|zapomnij\\w*|pomin|olej)\\b${W}\\b(instrukcj\\w*|polece\\w*|zasad\\w*|regu\\w*|wszystko|wczesniejsz\\w*|poprzedni\\w*|ograniczen\\w*)\\b`,
    ),
  },
  {
    id: 'new-task',
    category: 'instruction_override',
    weight: 0.6,
    pattern:
      /\b(new|updated|real|actual|true) (instructions?|task|rules?|directive|prompt)\b|\bneue (aufgabe|anweisung\w*|regeln)\b|\bnowe (zadanie|instrukcj\w*|polecenie)\b|\bnow (you|your task) (are|is|will)\b|\bjetzt (bist du|kommen|deine aufgabe)\b/,
  },
  { id: 'instead', category: 'instruction_override', weight: 0.4, pattern: /\b(instead|stattdessen|zamiast tego)\b/ },
  // "Forget everything before that", "ignore the above", "die obigen Ausfuhrungen ignorieren".
  {
    id: 'forget-everything',
    category: 'instruction_override',
    weight: 1,
    pattern:
      /\b(forget|ignore|disregard|leave)\b (about )?(everything|all( of)? (the |that )?(previous|prior|above|before|earlier)?|anything|(the|all) (above|previous|prior))\b(?! (you know|about (the|your) (weather|day)))|\b(vergiss|vergesst) (alles|alle)\b|\b(die|den|das) (obigen?|vorherigen?)\b[^.!?\n]{0,30}\b(ignorier\w*|vergessen|hinter sich)\b|\b(zapomnij|zignoruj) (o )?(wszystk\w*|powyzsz\w*)\b/,
  },
  {
    id: 'previous-tasks',
    category: 'instruction_override',
    weight: 0.6,
    pattern:
      /\b(all|any) (the )?(previous|prior|earlier) (information|tasks|assignments|messages|conversation)\b|\b(alle|samtliche) (vorherigen|bisherigen) (informationen|aufgaben|auftrage)\b|\b(remove|erase|delete|wipe) (all |everything )?(previous|prior)?\s*(tasks|instructions|information)? ?(out of|from) your (head|memory|mind)\b/,
  },
  // Praise or closure, then a new task: the classic task hijack.
  {
    id: 'closure',
    category: 'instruction_override',
    weight: 0.5,
    pattern:
      /\b(that is (enough|done|sufficient)|that'?s (enough|done)|well done|very good|excellent (performance|work|job)|great (job|work)|outdone yourself|that was ok|congratulations|sehr gut( gemacht)?|das (genugt|reicht|ist erledigt)|ausgezeichnete leistung|einfach grossartig|bardzo dobrze|swietnie)\b/,
  },
  {
    id: 'task-switch',
    category: 'instruction_override',
    weight: 0.6,
    pattern:
      /\b(now|next)\b[^.!?\n]{0,40}\b(new|another|further|next|other|different|following) (task|tasks|challenge|assignment|instructions?)\b|\b(new|further|more) (tasks|instructions) (follow|are following|come)\b|\b(nun|jetzt)\b[^.!?\n]{0,40}\b(neue|weitere|nachste|andere)\w* (aufgabe\w*|herausforderung|anweisung\w*)|\bteraz\b[^.!?\n]{0,40}\b(nowe|kolejne|nastepne) (zadani\w*|polecen\w*)/,
  },
  {
    id: 'start-over',
    category: 'instruction_override',
    weight: 0.5,
    pattern:
      /\b(start (over|again|afresh|from (the )?(front|beginning|scratch)))\b|\b(von vorne|neu) an(fangen)?\b|\bod nowa\b/,
  },
  {
    id: 'stop-attention',
    category: 'instruction_override',
    weight: 0.8,
    pattern: /\b(attention|achtung|uwaga|warning)\b\W{0,5}\b(stop|stopp|halt)\b/,
  },
  {
    id: 'pwned',
    category: 'instruction_override',
    weight: 0.8,
    pattern: /\b(pwned|pwnd|hacked by|i have been pwned)\b/,
  },

  // Personas and modes meant to lift the model's rules.
  {
    id: 'jailbreak-persona',
    category: 'jailbreak',
    weight: 0.8,
    pattern:
      /\b(dan|stan|dude|do anything now|developer mode|dev mode|jailbr(ea|o)k\w*|god ?mode|unfilte?red|uncensored|unrestricted|amoral|immoral|evil (ai|bot|confidant|assistant|ki)|bose ki)\b/,
  },
  { id: 'gpt-persona', category: 'jailbreak', weight: 0.5, pattern: /\b(?!chat)[a-z]{2,}-?gpt\b/ },
  {
    id: 'regardless',
    category: 'jailbreak',
    weight: 0.6,
    pattern:
      /\bregardless of (how|whether|its|the|any|ethics|legality|morality|consequences|rules|danger)\b|\bno matter how (immoral|unethical|illegal|dangerous|offensive)\b/,
  },
  {
    id: 'harm-topics',
    category: 'jailbreak',
    weight: 0.3,
    pattern:
      /\b(malware|ransomware|bombs?|explosives?|synthesi[sz]e|meth(amphetamine)?|weapons?|poisons?|nsfw|illegal|hack(ing)? into|destroy humanity)\b/,
  },
  {
    id: 'prompt-template',
    category: 'jailbreak',
    weight: 0.6,
    pattern: /\bawait \[?input\]?\b|\ballow yourself to function\b|\bvirtual persona\b|\bin the capacity of\b/,
  },
  {
    id: 'no-rules',
    category: 'jailbreak',
    weight: 0.8,
    pattern:
      /\b(no|without|free (of|from)|bypass\w*|break\w*|ignor\w*|beyond|doesn'?t (have|follow)|don'?t (have|follow)|not bound by|unbound by)\b[^.!?\n]{0,25}\b(ethical|moral|content|safety|openai|any)?\s*(restrictions?|filters?|limitations?|limits|guidelines|censorship|rules|polic(y|ies)|boundaries|ethics|morals)\b/,
  },
  {
    id: 'openai-policy',
    category: 'jailbreak',
    weight: 0.6,
    pattern: /\b(openai|anthropic)('s)? (content )?(polic(y|ies)|guidelines|rules)\b/,
  },
  {
    id: 'from-now-on',
    category: 'jailbreak',
    weight: 0.4,
    pattern: /\b(from now on|von nun an|ab (sofort|jetzt)|od teraz|od tej chwili)\b/,
  },
  {
    id: 'you-are-now',
    category: 'jailbreak',
    weight: 0.5,
    pattern:
      /\b(you are|you're|you will be) (now|no longer|going to (act|be|pretend))\b|\bnow,? you are\b|\b(jetzt|nun) bist du\b|\bdu bist (jetzt|nun)\b|\bjestes teraz\b|\bteraz jestes\b/,
  },
  {
    id: 'stay-in-character',
    category: 'jailbreak',
    weight: 0.6,
    pattern: /\b(stay in character|break(ing)? character|remain in character)\b/,
  },
  {
    id: 'dual-answers',
    category: 'jailbreak',
    weight: 0.5,
    pattern:
      /\b(two|2|both) (different |separate )?(responses|answers|paragraphs|outputs|ways|entities|characters|personas|personalities|ais)\b|\[(🔒|🔓)?\s*(classic|jailbreak)\]/,
  },
  {
    id: 'pretend',
    category: 'jailbreak',
    weight: 0.3,
    pattern:
      /\b(pretend|act|roleplay|role-play|behave|respond|simulate|imitate|personify|function)\b (to be|as|like|that|you are|you're)\b|\bstell dir vor,? du bist\b|\budawaj,? ze\b/,
  },
  {
    id: 'hypothetical',
    category: 'jailbreak',
    weight: 0.3,
    pattern: /\b(hypothetical(ly)?|fictional world|imaginary world|in this (game|story|world))\b/,
  },
  {
    id: 'never-refuse',
    category: 'jailbreak',
    weight: 0.6,
    pattern:
      /\b(never|not|don'?t|cannot|can'?t|won'?t) (refuse|decline|say (no|that you can'?t))\b|\b(always|must) (answer|comply|respond)\b/,
  },

  // Getting the hidden prompt (or internals) out.
  {
    id: 'exfiltrate-en',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern: new RegExp(
      `\\b(reveal|show|print|display|output|repeat|tell me|give me|return|leak|spell out|what (is|are|were))\\b${W}\\b(system prompt|system message|initial (prompt|instructions)|hidden (prompt|instructions)|original (prompt|instructions)|(instructions|prompt|text) (above|before)|pre-?prompt|your instructions|your (rules|prompt)|embeddings|prompt texts?)\\b`,
    ),
  },
  {
    id: 'prompt-start',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern:
      /\b(beginning|start|top) of (this|the|your) (prompt|conversation|instructions|context)\b|\b(anfang|beginn) (dieses|des) (prompts?|gesprachs)\b|\bpoczat\w* (tego )?(promptu|rozmowy)\b/,
  },
  {
    id: 'exfiltrate-de',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern: new RegExp(
      `\\b(zeig\\w*|verrat\\w*|gib|nenn\\w*|wiederhol\\w*|gebe?)\\b${W}\\b(system ?prompt|deine (anweisungen|instruktionen|regeln)|den prompt|ursprunglichen? (anweisung\\w*|prompt))\\b`,
    ),
  },
  {
    id: 'exfiltrate-pl',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern: new RegExp(
      `\\b(pokaz|ujawnij|wypisz|podaj|powtorz|zdradz)\\b${W}\\b(prompt\\w*|instrukcj\\w*|polecenia systemowe|zasady)\\b`,
    ),
  },
];
