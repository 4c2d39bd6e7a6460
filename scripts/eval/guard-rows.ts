/** What the injection_guard sets are made of: labelled rows, and the encodings attackers wrap text in. */
export interface GuardRow {
  readonly text: string;
  readonly label: 'injection' | 'benign';
  readonly lang: string;
}

export const inj = (lang: string, text: string): GuardRow => ({ text, label: 'injection', lang });
export const ok = (lang: string, text: string): GuardRow => ({ text, label: 'benign', lang });

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
export const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
export const rot13 = (s: string) =>
  s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
