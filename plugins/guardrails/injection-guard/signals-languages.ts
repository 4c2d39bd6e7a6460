import { B, C, E, within } from './signal-parts.js';
import type { Signal } from './signals.js';

// The override, extraction and role-play families in French, Spanish, Italian, Portuguese, Ukrainian and
// Russian, and the indirect forms (a document that addresses the assistant) in all nine languages. Patterns
// see folded text: lower case, no diacritics (é → e, ñ → n, й → и, ї → і), typographic apostrophes as '.
// Cyrillic needs (?<!\p{L}) instead of \b, which only knows ASCII letters.
const W = within(40);

export const LANGUAGE_SIGNALS: readonly Signal[] = [
  {
    id: 'override-romance',
    category: 'instruction_override',
    weight: 1,
    pattern: new RegExp(
      // fr: oublie / ignore / ne tiens plus compte de / fais abstraction de … instructions, consignes, regles
      `\\b(oublie[sz]?|ignore[sz]? (les|tes|toutes les|vos|mes)|ne tiens (plus )?compte|fais abstraction|olvida|ignora|no hagas caso|haz caso omiso|dimentica|non tenere conto|esqueca|esquece|ignore (as|todas as|suas|os)|desconsidere|mets de cote|mettez de cote|ecarte|deja de lado|descarta|metti da parte|lascia da parte|accantona|scarta|deixe de lado|deixa de lado|descarte)\\b${W}\\b(instructions?|consignes?|regles|directives|instrucciones|indicaciones|normas|reglas|directrices|istruzioni|regole|indicazioni|direttive|instrucoes|regras|orientacoes|diretrizes|tout ce qu'on t'a (dit|demande))\\b`,
    ),
  },
  {
    id: 'override-cyrillic',
    category: 'instruction_override',
    weight: 1,
    pattern: C(
      `${B}(забудь|ігноруи|игнорируи|не зважаи на|не обращаи внимания на|забудьте|ігноруите|игнорируите|відкинь|викинь|отбрось|выброси)${E}${W}${B}(інструкці\\p{L}*|вказівк\\p{L}*|настанов\\p{L}*|правил\\p{L}*|інструкци\\p{L}*|инструкци\\p{L}*|указани\\p{L}*|установк\\p{L}*|команд\\p{L}*|все|усе|всё)${E}`,
    ),
  },
  {
    id: 'from-now-on-languages',
    category: 'jailbreak',
    weight: 0.4,
    pattern: C(
      `\\b(desormais|a partir de maintenant|dorenavant|a partir de ahora|de ahora en adelante|da ora in poi|d'ora in poi|da adesso|d'ora innanzi|da questo momento|a partir de agora|daqui em diante|de agora em diante)\\b|${B}(відтепер|з цього моменту|с этого момента|отныне|теперь)${E}`,
    ),
  },
  {
    id: 'persona-languages',
    category: 'jailbreak',
    weight: 0.5,
    pattern: C(
      `\\b(tu es maintenant|fais comme si tu etais|joue le role|ahora eres|actua como|finge (ser|que eres)|adesso sei|ora sei|fingi di essere|agora voce e|finja (ser|que e)|atue como)\\b|${B}(тепер ти|уяви,? що ти|теперь ты|представь,? что ты|притворись)${E}`,
    ),
  },
  {
    id: 'no-rules-languages',
    category: 'jailbreak',
    weight: 0.8,
    pattern: C(
      `\\b(sans|sin|senza|sem)\\b (aucune?s? |ninguna |nenhuma |alcun[oa]? |ningun |nessun[ao]? )?(regles?|restrictions?|limites?|filtres?|censure|normas|reglas|restricciones|filtros|limites|regole|restrizioni|filtri|limiti|regras|restricoes|censura)\\b|${B}без (жодних |будь-яких |всяких |каких-либо )?(правил|обмежень|ограничении|фільтрів|фильтров|цензури|цензуры)${E}`,
    ),
  },
  {
    id: 'never-refuse-languages',
    category: 'jailbreak',
    weight: 0.6,
    pattern: C(
      `\\b(ne refuse jamais|ne refuses jamais|nunca (se niega|rechaza|te niegas)|non rifiuta mai|non rifiuti mai|nunca se recusa|nunca recusa)\\b|${B}(ніколи не відмовляє|никогда не отказывает|ніколи не відмовляи|никогда не отказываи)${E}`,
    ),
  },
  {
    id: 'exfiltrate-romance',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern: new RegExp(
      `\\b(affiche|montre|recopie|repete|revele|donne|muestrame|muestra|revela|repite|escribe|copia|mostrami|mostra|ripeti|rivela|scrivi|mostre|revele|repita|copie|me mostre)\\b${W}\\b(prompt (systeme|system|de sistema|di sistema|do sistema)|mensaje de sistema|messaggio di sistema|mensagem do sistema|(tes|tus|tue|suas) (consignes|instrucciones|istruzioni|instrucoes)|consignes (initiales|recues))\\b`,
    ),
  },
  {
    id: 'exfiltrate-cyrillic',
    category: 'prompt_exfiltration',
    weight: 1,
    pattern: C(
      `${B}(покажи|виведи|выведи|повтори|наведи|напиши|скопіюи|скопируи|розкажи|расскажи)${E}${W}${B}(системн\\p{L}* (промпт|підказк\\p{L}*|повідомлення|сообщени\\p{L}*|инструкци\\p{L}*|інструкці\\p{L}*)|сво\\p{L}* (інструкці\\p{L}*|инструкци\\p{L}*|правила))${E}`,
    ),
  },
  // A document, page or tool result that speaks to the assistant: the mark of an indirect injection.
  {
    id: 'addressed-to-assistant',
    category: 'instruction_override',
    weight: 0.6,
    pattern: C(
      `\\b(note|message|instructions?|notice|hint|reminder) (to|for) (the |any |all )?(ai|assistant|ai assistant|ai model|model|language model|llm|chatbot)s?\\b|\\b(ai|assistant|model|llm|chatbot)s? (reading|processing|summari[sz]ing) this\\b|\\bif you are an? (ai|assistant|language model|llm)\\b` +
        `|\\b(uwaga|notatka|wiadomosc|polecenie|informacja) (dla|do) (modelu|asystenta|ai|sztucznej inteligencji|chatbota)\\b` +
        `|\\b(hinweis|nachricht|notiz|anweisung) (an|fur) (die ki|den assistenten|das (sprach)?modell|den bot)\\b` +
        `|\\b(note|message|remarque|consigne) (pour|a) (l'ia|l'assistant|le modele|le chatbot)\\b` +
        `|\\b(nota|mensaje|aviso|instruccion) (para|al?) (el |la )?(ia|asistente|modelo|chatbot)\\b|(^|["'«„({\\[:.!?]\\s*)(asistente|assistant|assistente|asystencie|assistent|асистенте|ассистент)\\s*,` +
        `|\\b(nota|messaggio|avviso) (per|all') ?(l'ia|l'assistente|il modello)\\b|\\b(nota|mensagem|aviso) (para|ao?) (a |o )?(ia|assistente|modelo)\\b` +
        `|${B}(примітка|повідомлення|примечание|сообщение) (для|до) (ші|моделі|асистента|ии|модели|ассистента)${E}`,
    ),
  },
  {
    id: 'task-abort',
    category: 'instruction_override',
    weight: 0.5,
    pattern: C(
      '\\b(stop|quit|cease) (summari[sz]ing|translating|the (summary|translation|task))\\b|\\b(przerwij|przestan|zamiast) (streszcz\\p{L}*|tlumacz\\p{L}*)|\\bhor auf zu (ubersetzen|zusammenzufassen)\\b|\\b(vergiss|lass) die (zusammenfassung|ubersetzung)\\b|\\b(arrete|cesse) (le resume|la traduction|de (resumer|traduire))\\b|\\b(deja|para) (de (resumir|traducir)|la (traduccion|tarea))\\b|\\b(smetti|basta) di (riassumere|tradurre)\\b|\\b(pare|deixe) de (resumir|traduzir)\\b' +
        "|\\b(drop|abandon|leave|skip) (the|this) (user'?s? )?(request|question|task)\\b|\\b(porzuc|zostaw|olej) (prosbe|pytanie|zadanie)\\b|\\b(lass|vergiss) die (frage|anfrage|bitte) des (nutzers|benutzers)\\b|\\blaisse tomber (la demande|la question|la tache)\\b|\\b(olvida|deja) la (peticion|pregunta|tarea|solicitud)\\b|\\blascia perdere la (richiesta|domanda)\\b|\\b(esqueca|deixe|deixa) o pedido\\b" +
        '|(?<!\\p{L})(облиш (запит|питання|завдання)|брось (запрос|вопрос|задачу))(?!\\p{L})',
    ),
  },
  {
    id: 'harmful-action',
    category: 'instruction_override',
    weight: 0.5,
    pattern: C(
      `\\b(ask|tell) (the user|them|him|her) (for|to (enter|send|give)) (their |his |her )?(bank )?(password|card|credit card|pin|iban|login|credentials)\\b|\\b(send|forward|email|upload) (all |the )?(files|contacts|emails|data|documents|passwords)\\b[^.!?\\n]{0,30}\\bto\\b|\\b(popros|zapytaj) (uzytkownika|go|ja) o (numer karty|haslo|pin|login|dane)\\b|\\bfrag\\p{L}* (nach|den nutzer nach) (der iban|dem passwort|der pin|den zugangsdaten)\\b|\\bdemande (a l'utilisateur|lui) (son|ses) (mot de passe|code|identifiants|numero de carte)\\b|\\bpide al usuario (su|sus|la|el|los) (contrasena|tarjeta|datos)\\b|\\bbitte (den nutzer|ihn|sie) um (sein|ihr|seine|ihre) (bank)?(passwort|pin|zugangsdaten|kartennummer|iban)\\b|\\bchiedi (all'utente|gli|le) (la|il|i) (password|pin|dati|numero della carta)\\b|\\bpeca ao (usuario|utilizador) (a|o|os) (senha|pin|dados|numero do cartao)\\b|(?<!\\p{L})(попроси (в|у) (користувача|нього|неі) (пароль|пін|дані картки|номер картки)|попроси у (пользователя|него|нее) (пароль|пин|данные карты|номер карты))(?!\\p{L})|\\b(reenvia|envia) (todos )?(los )?(contactos|archivos|correos)\\b`,
    ),
  },
  // "Don't listen to what you were told before" and "you only carry out my orders", in each language.
  {
    id: 'dont-listen',
    category: 'instruction_override',
    weight: 0.6,
    pattern: C(
      `\\b(do not|don't) listen to (what|anything) (you were|you've been|you have been) told\\b|\\bnie sluchaj (tego,? )?co (ci )?(wczesniej )?(napisali|powiedzieli|kazali|mowili|polecili)\\b|\\bhor nicht auf (das,? )?was (dir|man dir)\\b|\\bn'ecoute pas ce qu'on t'a dit\\b|\\bno escuches lo que te (dijeron|han dicho)\\b|\\bnon ascoltare (quello|cio) che ti (hanno detto|e stato detto)\\b|\\bnao (ouca|escute) o que te (disseram|falaram)\\b|${B}(не слушаи,? что тебе (говорили|сказали)|не слухаи,? що тобі (казали|сказали))${E}`,
    ),
  },
  {
    id: 'only-my-orders',
    category: 'instruction_override',
    weight: 0.6,
    pattern: C(
      `\\b(you )?only (carry out|follow|obey|execute) my (orders|commands|instructions)\\b|\\b(wykonujesz|sluchasz) (wylacznie|tylko) (moich|moje) (polecen\\p{L}*|rozkaz\\p{L}*)|\\b(machst|befolgst) nur noch,? was ich (sage|will)\\b|\\bexecutes? uniquement mes ordres\\b|\\bsolo cumples mis ordenes\\b|\\besegui solo i miei ordini\\b|\\bso cumpre as minhas ordens\\b|${B}(виконуєш лише мої накази|выполняешь только мои приказы)${E}` +
        "|\\b(i am|i'm) the only one you (take orders from|listen to|obey|answer to)\\b|\\byou (now )?(listen|answer) only to me\\b|\\bsluchasz (wylacznie|tylko) mnie\\b|\\b(horst|gehorchst) du (nur noch|nur|ausschliesslich) (auf )?mi(ch|r)\\b|\\btu n'(ecoutes|obeis) (plus )?qu[e'] ?(a )?moi\\b|\\bsolo me (escuchas|obedeces)\\b|\\b(ascolti|obbedisci) (soltanto|solo) (a )?me\\b|\\bso me (ouves|escutas|obedeces)\\b" +
        `|${B}((слухаєш|слухаеш) (тільки|лише) мене|(слушаешь|подчиняешься) только (меня|мне))${E}`,
    ),
  },
  {
    id: 'configured-with',
    category: 'prompt_exfiltration',
    weight: 0.6,
    pattern: C(
      `\\bcon cui sei stato (configurato|impostato|istruito)\\b|\\bavec lesquelles tu as ete (configure|programme)\\b|\\bcon las que te (configuraron|programaron)\\b|\\bktorymi cie (skonfigurowano|zaprogramowano|ustawiono)\\b|\\bwith which you were (configured|set up|programmed)\\b|${B}(с которыми тебя настроили|з якими тебе налаштували)${E}`,
    ),
  },
];
