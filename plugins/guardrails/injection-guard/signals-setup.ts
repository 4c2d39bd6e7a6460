import { B, C, E, within } from './signal-parts.js';
import type { Signal } from './signals.js';

// The hidden setup asked for by what it is rather than by name: instructions called hidden, secret or initial,
// instructions "you received at the start", and the people who configured the assistant, in nine languages.
// None blocks alone; each adds to an order to copy it out, to a verbatim request or to an override.
const W = within(30);

// Latin-script languages are read with \b, Cyrillic with letter lookarounds: a lookbehind at every position
// made this the costliest signal on long texts.
const RECEIVED = [
  'you (got|received|were given|were handed|were passed|were primed with)|were you (given|handed|passed|told)|(given|handed) to you',
  'otrzymal\\w*|dostal\\w*|przekazano ci|dano ci|dali ci',
  'bekommen|erhalten|mitgeteilt|gegeben',
  "recues?|donnees|transmises|t'a-t-on (donne|transmis)\\w*|tu as recu",
  'recibiste|te (dieron|pasaron|dijeron)',
  'hai ricevuto|ti hanno (dato|passato|detto)',
  'recebeu|recebeste|(lhe|te) (deram|passaram|disseram)',
].join('|');
const RECEIVED_CYRILLIC = 'отримав|отримала|тобі (дали|передали)|получил|получила|тебе (дали|передали)';

const AT_START = [
  'at the (very )?(start|beginning|outset)|before (our|this|the) (chat|conversation|session|exchange)|before (we|i) (started|began)',
  'na starcie|na (samym )?poczatku|zanim zaczel\\w*|przed (rozpoczeciem|poczatkiem) (rozmowy|czatu|sesji)',
  'zu beginn|am anfang|bevor (unser|das) gesprach|vor (unserem|dem) gesprach|vor meiner ersten nachricht',
  'au depart|au debut|avant (le debut de )?(notre|cette|la) (echange|conversation|discussion)|avant que je (commence|commencais)',
  'al (principio|inicio|comienzo)|antes de (empezar|comenzar) (nuestra|esta|la) (conversacion|charla)|antes de que (yo )?(empezara|comenzara)',
  "all'inizio|prima (dell'inizio della|della|di) (nostra |questa )?(conversazione|chat)|prima che (io )?(iniziassi|cominciassi)",
  'no (inicio|comeco)|antes de (comecarmos|comecar)|antes de eu comecar',
].join('|');
const AT_START_CYRILLIC =
  'на початку|до початку|до того,? як я (почав|почала)|в начале|до начала|до того,? как я (начал|начала)';

export const SETUP_SIGNALS: readonly Signal[] = [
  {
    id: 'hidden-instructions',
    category: 'prompt_exfiltration',
    // Less than "received at the start": "copy the original rules line by line" is an ordinary request.
    weight: 0.4,
    pattern: C(
      `\\b(hidden|secret|concealed|initial|original|starting|opening) (text|instructions|directions|guidance|guidelines|directives|rules|prompt|setup)\\b` +
        '|\\b(ukryt\\p{L}*|tajn\\p{L}*|poczatkow\\p{L}*|pierwotn\\p{L}*) (polecen\\p{L}*|instrukcj\\p{L}*|wytyczn\\p{L}*|zasad\\p{L}*|tekst\\p{L}*)' +
        '|\\b(versteckt\\p{L}*|geheim\\p{L}*|ursprunglich\\p{L}*|anfanglich\\p{L}*) (vorgaben|anweisungen|instruktionen|regeln|texte?)\\b' +
        "|\\b(consignes|instructions|directives|regles) (cachees|secretes|initiales|d'origine|de depart)\\b" +
        '|\\b(indicaciones|instrucciones|directrices|reglas) (ocultas|secretas|iniciales|originales)\\b' +
        '|\\b(indicazioni|istruzioni|direttive|regole) (nascoste|segrete|iniziali|originali)\\b' +
        '|\\b(indicacoes|instrucoes|diretrizes|regras) (ocultas|secretas|iniciais|originais)\\b' +
        `|${B}(приховані|таємні|початкові|секретні|скрытые|таиные|начальные|секретные|исходные) (вказівки|інструкціі|настанови|правила|указания|инструкции|установки)${E}`,
    ),
  },
  {
    id: 'received-at-start',
    category: 'prompt_exfiltration',
    weight: 0.6,
    pattern: C(
      `\\b(${RECEIVED})\\b${W}\\b(${AT_START})\\b|\\b(${AT_START})\\b${W}\\b(${RECEIVED})\\b` +
        `|${B}(${RECEIVED_CYRILLIC})${E}${W}${B}(${AT_START_CYRILLIC})${E}|${B}(${AT_START_CYRILLIC})${E}${W}${B}(${RECEIVED_CYRILLIC})${E}`,
    ),
  },
  {
    id: 'your-configurers',
    category: 'instruction_override',
    weight: 0.4,
    pattern: C(
      '\\b(whoever|those who|the people who|the ones who) (set you up|configured you|deployed you|programmed you|built you)\\b' +
        '|\\b(tych|ci),? (ktorzy|co) cie (skonfigurowali|zaprogramowali|ustawili|stworzyli)\\b|\\bdeine[rn]? (betreiber|entwickler|ersteller)\\b' +
        "|\\b(ceux|celui) qui t'(a|ont) (configure|programme|cree)\\b|\\b(quienes|los que|quien) te (configuraron|configuro|programaron|crearon)\\b" +
        '|\\b(chi|coloro che) ti (ha|hanno) (configurato|programmato|creato)\\b|\\b(quem|os que) te (configurou|configuraram|programou|criou)\\b' +
        `|${B}(тих|ті|тех|те),? (хто|кто) (тебе|тебя) (налаштував|налаштували|створив|запрограмував|настроил|настроили|создал|запрограммировал)${E}`,
    ),
  },
];
