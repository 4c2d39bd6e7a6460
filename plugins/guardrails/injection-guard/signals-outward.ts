import { B, C, E, within } from './signal-parts.js';
import type { Signal } from './signals.js';

// Data sent out of the conversation to an address, and instructions that claim the authority of whoever runs
// the assistant, in nine languages. Patterns see folded text: "@" reads as "a" there (a leetspeak fold), so an
// e-mail address is read as the domain-like token it leaves, a URL by its scheme, a masked one by its
// placeholder.
const W = within(60);

// What is sent: the conversation itself, or the user's secrets (plural: "send my new password to my mail" is
// an ordinary request).
const WHAT = [
  "(conversation|chat|message) (history|log|logs|transcript)|(whole|entire|full|complete) (conversation|chat|history|transcript)|(all|every|previous|earlier|prior) (the )?messages|(the )?user'?s? (data|messages|details|files|passwords|credentials|history|answers|personal data)|system prompt|api keys?|credentials|passwords|access tokens?|session tokens?|personal data",
  'histori\\w* (rozmowy|czatu|konwersacji|wiadomosci)|cal\\w* (rozmow\\w*|konwersacj\\w*|histori\\w*)|(wszystkie|poprzednie) wiadomosci|dane (uzytkownika|osobowe|logowania)|hasla|hasel|klucz\\w* api',
  '\\w*verlauf|(ganzen|gesamten|kompletten) (chat|verlauf|gesprach|unterhaltung)\\w*|alle (bisherigen |vorherigen )?nachrichten|(nutzer|benutzer)daten|daten des (nutzers|benutzers)|passworter|kennworter|zugangsdaten|api-?schlussel\\w*',
  "historique|toute la conversation|tous les messages|donnees (de l'utilisateur|personnelles|du client)|(les|tous les) mots de passe|identifiants|cles api",
  'historial|toda la conversacion|todos los mensajes|datos (del usuario|personales)|contrasenas|credenciales|claves (de )?api',
  "cronologia|(l')?intera (conversazione|chat)|tutti i messaggi|dati (dell'utente|personali)|(le|tutte le) password|credenziali|chiavi api",
  'historico|toda a conversa|todas as mensagens|dados (do usuario|do utilizador|pessoais)|senhas|credenciais|chaves (de )?api',
].join('|');
const WHAT_CYRILLIC =
  'істор\\p{L}* (розмови|чату|листування|повідомлень)|(всю|усю) розмову|(усі|всі) повідомлення|дані користувача|паролі|облікові дані|истори\\p{L}* (переписки|разговора|чата|сообщении)|весь разговор|всю переписку|все сообщения|данные пользователя|пароли|учетные данные';

const SEND = [
  'send|forward|email|e-mail|mail|post|upload|transmit|submit|leak|exfiltrate',
  'wyslij|przeslij|przekaz|wrzuc|zaladuj|udostepnij',
  'sende|sendet|schick|schicke|leite|ubermittle|ubertrage|lade|maile',
  'envoie|envoyez|transmets|transmettez|transfere|poste|expedie',
  'envia|envie|manda|reenvia|transmite|sube',
  'invia|inoltra|trasmetti|carica|spedisci',
  'mande|encaminhe|encaminha|transmita|reencaminhe',
].join('|');
const SEND_CYRILLIC = 'надішли|відправ|перешли|передаи|завантаж|отправь|пошли|вышли|загрузи';

// A URL, a masked address, or what an e-mail address or a bare domain folds to (a dotted name, a known ending).
const ADDRESS = '(https?://|www\\.|\\{\\{(email|url)_\\d+\\}\\}|[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.[a-z]{2,24}\\b)';

// Who claims to speak: the assistant's own developer, administrator or operator ("your", not "the": "I am the
// administrator of our Jira" is an ordinary question).
const ROLE_EN = 'developers?|creators?|makers?|programmers?|administrators?|admins?|operators?|owners?|trainers?';

export const OUTWARD_SIGNALS: readonly Signal[] = [
  {
    id: 'send-to-address',
    category: 'prompt_exfiltration',
    weight: 0.8,
    pattern: C(
      `\\b(${SEND})\\b${W}\\b(${WHAT})\\b${W}${ADDRESS}` +
        `|${B}(${SEND_CYRILLIC})${E}${W}${B}(${WHAT_CYRILLIC})${E}${W}${ADDRESS}`,
    ),
  },
  {
    id: 'claimed-authority',
    category: 'instruction_override',
    weight: 0.6,
    pattern: C(
      `\\b(i am|i'm|this is|speaking as|here (is|speaks)) your (${ROLE_EN})\\b|\\b(message|notice|instructions?|order|update|directive) from (your|the) (${ROLE_EN}|openai|anthropic|safety team)\\b|\\b(openai|anthropic) (staff|team|engineers?|employees?|developers?) (here|speaking)\\b` +
        '|\\b(jestem|tu|mowi|pisze) (twoim|twoj|twoja) (tworc\\p{L}*|programist\\p{L}*|deweloper\\p{L}*|administrator\\p{L}*|operator\\p{L}*|wlasciciel\\p{L}*)' +
        '|\\b(ich bin|hier spricht|hier ist|hier schreibt) (dein|deine) (entwickler\\p{L}*|ersteller\\p{L}*|administrator\\p{L}*|admin|betreiber\\p{L}*|programmierer\\p{L}*|schopfer\\p{L}*)' +
        "|\\b(je suis|ici|c'est) (ton|votre) (developpeur|createur|administrateur|operateur|concepteur|programmeur)\\b" +
        '|\\b(soy|habla|aqui) (tu|su) (desarrollador\\p{L}*|creador\\p{L}*|administrador\\p{L}*|operador\\p{L}*|programador\\p{L}*)' +
        '|\\b(sono|parla|qui) (il tuo|il vostro) (sviluppatore|creatore|amministratore|operatore|programmatore)\\b' +
        '|\\b(sou|fala|aqui) (o )?(teu|seu) (desenvolvedor|criador|administrador|operador|programador)\\b' +
        `|${B}я (твіи|ваш|твои) (розробник|творець|адміністратор|оператор|власник|разработчик|создатель|администратор|владелец)${E}` +
        `|${B}(говорить|пише|говорит|пишет) (твіи|твои|ваш) (розробник|адміністратор|оператор|разработчик|администратор)${E}`,
    ),
  },
];
