import { within } from './signal-parts.js';
import { LANGUAGE_SIGNALS } from './signals-languages.js';
import { OUTWARD_SIGNALS } from './signals-outward.js';
import { SETUP_SIGNALS } from './signals-setup.js';

/** One way an injection shows itself; weights add up to a verdict. Patterns see folded text (no diacritics). */
export interface Signal {
  readonly id: string;
  readonly category: 'instruction_override' | 'jailbreak' | 'prompt_exfiltration';
  readonly weight: number;
  /** Each different matched word adds `weight` again, up to this many (weak cues that pile up in long prompts). */
  readonly distinct?: number;
  /** A literal every match contains, for a pattern whose matches do not begin with a known word. */
  readonly contains?: string;
  readonly pattern: RegExp;
}

const W = within(40);

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
      `\\b(ignorier\\w*|vergiss|vergesst|vergessen|missachte\\w*|ubergeh\\w*|vernachlassig\\w*|verwirf|wirf)\\b${W}\\b(anweisung\\w*|instruktion\\w*|regeln?|auftrage?|aufgaben?|alles|vorgaben?|befehle?|vorherige\\w*|bisherige\\w*)\\b`,
    ),
  },
  {
    id: 'override-pl',
    category: 'instruction_override',
    weight: 1,
    pattern: new RegExp(
      `\\b(zignoruj\\w*|ignoruj\\w*|zapomnij\\w*|pomin|olej|wyrzuc z pamieci|odrzuc|porzuc|odloz na bok)\\b${W}\\b(instrukcj\\w*|polece\\w*|zasad\\w*|regu\\w*|ograniczen\\w*|wytyczn\\w*)\\b`,
    ),
  },
  {
    id: 'new-task',
    category: 'instruction_override',
    weight: 0.6,
    pattern:
      /\b(new|updated|real|actual|true) (instructions?|task|rules?|directive|prompt)\b|\bneue (aufgabe|anweisung\w*|regeln)\b|\bnowe (zadanie|instrukcj\w*|polecenie)\b|\bprawdziw\w* (zadani\w*|instrukcj\w*|polecen\w*)\b|\bnow (you|your task) (are|is|will)\b|\bjetzt (bist du|kommen|deine aufgabe)\b/,
  },
  {
    id: 'instead',
    category: 'instruction_override',
    weight: 0.4,
    pattern:
      /\b(instead|stattdessen|zamiast tego|a la place|au lieu de cela|en su lugar|en cambio|invece|em vez disso|ao inves)\b/,
  },
  // Setting the earlier instructions aside without the usual verbs: "scrap what you were told", "treat the
  // above as withdrawn", "nie przejmuj się tym, co ci kazano", "lass beiseite, was man dir aufgetragen hat".
  {
    id: 'set-aside',
    category: 'instruction_override',
    weight: 1,
    pattern:
      /\b(scrap|drop|set aside|throw out|throw away|toss|discard|ditch|put aside|cast aside|pay no (attention|heed) to|never mind|do not (follow|obey)|don'?t (follow|obey)|stop following)\b[^.!?\n]{0,40}\b(told|instructed|rules|instructions|guidance|guidelines|programming|setup|system prompt|developers?)\b|\b(disregard|ignore|forget|scrap|drop)\b[^.!?\n]{0,40}\byou (were|have been) (set up|configured|given|told|instructed|programmed)\b|\b(previous|prior|above|earlier|original) (instructions|rules|prompt) (were|was|are) (a test|fake|wrong|void|invalid|cancelled|outdated|a joke)\b|\btreat (everything|all|the text|anything) (above|before|prior)\b[^.!?\n]{0,40}\b(withdrawn|void|invalid|draft|cancelled|obsolete|irrelevant)\b|\bnie przejmuj sie\b[^.!?\n]{0,30}\b(kazano|polecono|zasad\w*|instrukcj\w*|regul\w*)\b|\bpoprzednie (instrukcje|polecenia|zasady) (byly|to) (tylko )?(test\w*|zart\w*|nieaktualne)\b|\b(traktuj|uznaj)\b[^.!?\n]{0,30}\b(powyzej|wczesniej)\b[^.!?\n]{0,30}\b(niewazne|nieaktualne|uniewaznione)\b|\b(lass|lasst)\b[^.!?\n]{0,30}\bbeiseite\b|\b(was|alles,? was) (man )?dir\b[^.!?\n]{0,30}\b(aufgetragen|gesagt|vorgegeben|befohlen)\b/,
  },
  {
    id: 'safety-off',
    category: 'jailbreak',
    weight: 0.8,
    pattern:
      /\b(safety|content|moderation) (layer|filter|system|policy|module)s? (is|are|has been|have been) (now )?(disabled|off|turned off|removed|suspended|lifted)\b|\bsystem override\b|\b(admin|developer|debug|maintenance) override\b|\b(admin|debug|maintenance) mode (is )?(now )?(enabled|activated)\b/,
  },
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

  // Personas and modes meant to lift the model's rules. A name or a product word alone ("Dan", "developer
  // mode", "uncensored") is common in ordinary requests: it only adds to other signals.
  {
    id: 'jailbreak-persona',
    category: 'jailbreak',
    weight: 0.8,
    pattern:
      /\b(do anything now|(developer|dev) mode (enabled|output|activated|is (now )?on)|jailbroken|evil (ai|bot|confidant|assistant|ki)|bose ki)\b/,
  },
  {
    id: 'persona-word',
    category: 'jailbreak',
    weight: 0.3,
    distinct: 3,
    pattern:
      /\b(dan|stan|dude|developer mode|dev mode|jailbr(ea|o)k\w*|god ?mode|unfilte?red|uncensored|unrestricted|amoral|immoral)\b/g,
  },
  {
    id: 'not-an-ai',
    category: 'jailbreak',
    weight: 0.5,
    pattern:
      /\b(forget|pretend|act as if) (that )?(you are|you're) (an? )?(ai|language model|assistant|chatbot)\b|\byou are (not|no longer) an? (ai|language model|assistant|chatbot)\b/,
  },
  { id: 'gpt-persona', category: 'jailbreak', weight: 0.5, contains: 'gpt', pattern: /\b(?!chat)[a-z]{2,}-?gpt\b/ },
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
      `\\b(reveal|show|print|display|output|repeat|tell me|give me|return|leak|spell out|paste|quote|list|write out)\\b${W}\\b(system prompt|system message|initial (prompt|instructions)|hidden (setup |system )?(prompt|instructions|message)|(setup|configuration|initiali[sz]ation) (message|prompt|text)|original (prompt|instructions)|(instructions|prompt|text) (above|before)|pre-?prompt|your instructions|your (rules|prompt)|embeddings|prompt texts?|exact wording)\\b|\\bwhat('s| is| are| were) (your|the current|the exact) (system prompt|system message|initial (prompt|instructions)|hidden (prompt|instructions)|instructions|rules|prompt)\\b|\\bwhat (instructions|rules|guidelines|directives) (were|have) you (been )?(given|told|set)\\b`,
    ),
  },
  // Asking for the hidden setup without naming it: "the message that configured you", "what were you told
  // before I arrived", quoted "word for word".
  {
    id: 'setup-message',
    category: 'prompt_exfiltration',
    weight: 0.8,
    pattern:
      /\bbefore (my|the user'?s?|our) first message\b|\b(message|text|instructions?|prompt|words|setup)\b[^.!?\n]{0,20}\b(that|which|you were|used to) (configured|set up|initiali[sz]ed|programmed|instructed|primed|briefed|created) you\b|\bwhat (exactly )?(were|have) you (been )?(told|instructed|asked|programmed) (to do )?(before|by (the|your))\b|\byou were (primed|seeded|briefed|initiali[sz]ed) with\b|\b(before|until) (i|the user) (arrived|came|started|joined|wrote)\b|\b(at|from) the (very )?(start|beginning) of (this|the|our) (chat|conversation|session)\b/,
  },
  {
    id: 'setup-message-languages',
    category: 'prompt_exfiltration',
    weight: 0.6,
    pattern:
      /\b(na (samym )?poczatku (rozmowy|czatu)?|zanim zaczalem pisac|dostales od (tworcow|tworcow|operatora))\b|\b(zu beginn|am anfang) (dieser|der|unserer) (unterhaltung|konversation|sitzung)\b|\bmit (dem|denen) du (eingerichtet|konfiguriert|programmiert|instruiert) wurdest\b|\bau (tout )?debut de (cette|la|notre) (conversation|discussion|session)\b|\b(al (principio|inicio) de (esta|la) (conversacion|charla|sesion)|antes de que (yo )?empezara)\b|\ball'inizio (di questa|della) (conversazione|chat|sessione)\b|\bno (comeco|inicio) (desta|da) (conversa|sessao)\b|(?<!\p{L})(на початку розмови|в самом начале|в начале (разговора|беседы))(?!\p{L})/u,
  },
  // Asking which instructions the assistant was given, in each language.
  {
    id: 'which-instructions',
    category: 'prompt_exfiltration',
    weight: 0.8,
    pattern:
      /\bjakie (instrukcje|polecenia|zasady|wytyczne) (dostales|otrzymales|masz)\b|\bwelche (anweisungen|instruktionen|regeln|vorgaben) (hast du|wurden dir|hat man dir)\b|\bquelles (instructions|consignes|regles) (as-tu|t'a-t-on|avez-vous)\b|\bque (instrucciones|reglas|indicaciones) (te dieron|recibiste|tienes)\b|\bquali (istruzioni|regole) (hai ricevuto|ti hanno dato|hai)\b|\bquais (instrucoes|regras) (voce recebeu|te deram|voce tem)\b|(?<!\p{L})(які (інструкції|вказівки|правила) (тобі дали|ти отримав)|какие (инструкции|указания|правила) (тебе дали|ты получил))(?!\p{L})/u,
  },
  {
    id: 'ignore-user',
    category: 'instruction_override',
    weight: 0.5,
    pattern:
      /\b(ignore|disregard) (the|this) (user|request|question|user'?s (request|question))\b|\bignoruj (uzytkownika|prosbe|pytanie)\b|\bignoriere (den nutzer|die anfrage|die frage)\b|\bignore (la demande|l'utilisateur|la question)\b|\bignora (al usuario|la peticion|la pregunta|l'utente|la richiesta)\b|\bignore (o usuario|a pergunta|o pedido)\b/,
  },
  {
    id: 'no-rules-pl-de',
    category: 'jailbreak',
    weight: 0.8,
    pattern:
      /\bbez (zadnych |jakichkolwiek )?(ograniczen|filtrow|cenzury|zasad|regul)\b|\bohne (jegliche |irgendwelche )?(filter|einschrankungen|regeln|zensur|grenzen)\b/,
  },
  {
    id: 'verbatim',
    category: 'prompt_exfiltration',
    weight: 0.3,
    pattern:
      /\b(word for word|verbatim|in full|word by word|slowo w slowo|dokladnie tresc|w calosci|wortwortlich|wort fur wort|vollstandig ab|mot pour mot|en entier|palabra por palabra|completas|parola per parola|per intero|palavra por palavra|line by line|every line|slowo po slowie|linijka po linijce|zeile fur zeile|komplett auf|ligne par ligne|linea por linea|riga per riga|linha por linha|(escribe|copia)(las|los) (enteras|enteros|todas|todos)|(scrivi|copia)(le|li) tutt[ei]|(escreva|escreve|copie|copia)-(as|os) (todas|todos)|(ecris|recopie)-les (toutes|tous)|write (them|it) all (down|out))\b|(?<!\p{L})(дослівно|дословно|слово в слово|рядок за рядком|строчка за строчкои|строка за строкои|повністю|полностью)(?!\p{L})/u,
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
      `\\b(pokaz|ujawnij|wypisz|podaj|powtorz|zdradz|przepisz|wklej|zacytuj)\\b${W}\\b(prompt\\w*|(twoj\\w*|swoj\\w*|systemow\\w*|ukryt\\w*|tajn\\w*) (instrukcj\\w*|polecen\\w*|zasad\\w*|wytyczn\\w*)|(instrukcj\\w*|polecen\\w*|zasad\\w*|wytyczn\\w*) (systemow\\w*|ktore (otrzymal|dostal)\\w*)|tresc (wiadomosci|polecen\\w*|instrukcj\\w*))\\b`,
    ),
  },
  ...LANGUAGE_SIGNALS,
  ...SETUP_SIGNALS,
  ...OUTWARD_SIGNALS,
];
