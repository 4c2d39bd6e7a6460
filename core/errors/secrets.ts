// The configured provider tokens. A backend may echo its token in an error ("Invalid API key provided: …"), in
// any form, so pattern scrubbing is not enough: every configured value is redacted by its exact text from
// every error a client sees and every log line. Registered once at start-up from the models config.
const known: string[] = [];

// Shorter values would match ordinary words.
const MIN_SECRET_LENGTH = 4;

export function registerSecrets(values: Iterable<string>): void {
  for (const v of values) if (v.length >= MIN_SECRET_LENGTH && !known.includes(v)) known.push(v);
  // Longest first, so a token that contains another is redacted whole.
  known.sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('<key>');
  return out;
}
