import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StreamRestorer } from '../../../../services/web/anonymize/stream-restorer.js';

const MAPPINGS = { '{{EMAIL_1}}': 'jan@example.com', '{{PERSON_1}}': 'Anna Nowak' };

/** The pieces the page would show, joined, for an answer cut into `pieces`. */
function shown(pieces: string[]): { text: string; steps: string[] } {
  const r = new StreamRestorer(MAPPINGS);
  const steps = pieces.map((p) => r.push(p));
  steps.push(r.end());
  return { text: steps.join(''), steps };
}

describe('StreamRestorer', () => {
  const cases: Array<[string, string[], string]> = [
    ['whole placeholder in one piece', ['Hi {{PERSON_1}}!'], 'Hi Anna Nowak!'],
    ['split inside the tag', ['Hi {{PER', 'SON_1}}!'], 'Hi Anna Nowak!'],
    ['split between the braces', ['Mail {', '{EMAIL_1}', '} now'], 'Mail jan@example.com now'],
    ['one character a piece', [...'{{EMAIL_1}} and {{PERSON_1}}'], 'jan@example.com and Anna Nowak'],
    ['a placeholder the model made up stays', ['{{PHONE_9}} ok'], '{{PHONE_9}} ok'],
    ['braces that never close are text', ['a {{ b', ' c'], 'a {{ b c'],
    ['a long run after {{ is let through', ['{{', 'x'.repeat(80), ' y'], `{{${'x'.repeat(80)} y`],
  ];
  for (const [what, pieces, expected] of cases)
    it(what, () => {
      assert.equal(shown(pieces).text, expected);
    });

  it('never shows half a placeholder', () => {
    const { steps } = shown([...'say {{PERSON_1}} twice {{PERSON_1}}']);
    for (const step of steps) assert.doesNotMatch(step, /\{\{|PERSON|\}\}/);
  });
});
