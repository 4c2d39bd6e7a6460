import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestIdOf } from '../../../core/server/request-id.js';

const MADE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  const kept: Array<[string, string]> = [
    ['a UUID', '3f2c1e9a-7b4d-4c1a-9e2f-0a1b2c3d4e5f'],
    ['an upper-case UUID', '3F2C1E9A-7B4D-4C1A-9E2F-0A1B2C3D4E5F'],
    ['a trace token', 'trace-42'],
    ['a token with dots and colons', 'svc.web:req-abc'],
    ['four digits', 'job-2024'],
  ];
  for (const [name, id] of kept) it(`keeps ${name}`, () => assert.equal(requestIdOf(id), id));

  const replaced: Array<[string, string | string[] | undefined]> = [
    ['no header', undefined],
    ['a repeated header', ['a', 'b']],
    ['a PESEL', '44051401359'],
    ['a PESEL behind a label', 'pesel-44051401359'],
    ['a phone split by dashes', 'call-601-123-456'],
    ['a card number', '4111111111111111'],
    ['an IBAN', 'PL61109010140000071219812874'],
    ['an e-mail', 'jan@example.com'],
    ['a date', 'req-2024-11-01'],
    ['spaces', 'bad id with spaces'],
    ['a token over 64 characters', 'x'.repeat(65)],
  ];
  for (const [name, header] of replaced) {
    it(`replaces ${name} with a new UUID`, () => {
      const id = requestIdOf(header);
      assert.match(id, MADE);
      assert.notEqual(id, header);
    });
  }
});
