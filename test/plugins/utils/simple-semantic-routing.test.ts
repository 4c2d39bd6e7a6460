import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatRequest } from '../../../core/dialects/canonical.js';
import { routingText } from '../../../core/plugins/request-text.js';
import { chooseModel } from '../../../plugins/utils/simple-semantic-routing/choose-model.js';
import {
  loadRoutingRules,
  type RoutingOverrides,
} from '../../../plugins/utils/simple-semantic-routing/routing-rules.js';

const CONFIG = 'resources/routing/semantic/simple.json';
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
const ask = (content: string, extra: Record<string, unknown> = {}): ChatRequest => ({
  model: 'auto',
  messages: [{ role: 'user', content }],
  ...extra,
});

function route(env: Partial<RoutingOverrides>, request: ChatRequest): string {
  const rules = loadRoutingRules(CONFIG, { models: '', thresholds: '', defaultModel: '', intents: {}, ...env }, 'X');
  return chooseModel(routingText(request), rules);
}

// The reference's behaviour table (its section 7.1), row by row; the default pool is the shipped config's.
describe('simple_semantic_routing (reference table)', () => {
  const CODE = { code: 'code|function|debug' };
  const MATH = { math: 'calculate|equation|formula' };
  const rows: Array<[string, Partial<RoutingOverrides>, ChatRequest, string]> = [
    ['default pool, a greeting', {}, ask('hello'), 'llama3.2:3b'],
    ['a pool from the environment', { models: 'model-a|model-b|model-c' }, ask('hello'), 'model-a'],
    [
      'complex, no intent → one below the top',
      { models: 'tiny|medium|strong', thresholds: '10|50' },
      ask(words(90)),
      'medium',
    ],
    ['medium, no intent → one below', { models: 'tiny|medium|strong', thresholds: '10|50' }, ask(words(15)), 'tiny'],
    ['short text', { models: 'a|b|c', thresholds: '10|50' }, ask('hi'), 'a'],
    ['15 words', { models: 'a|b|c', thresholds: '10|50' }, ask(words(15)), 'a'],
    ['41 words (51 tokens)', { models: 'a|b|c', thresholds: '10|50' }, ask(words(41)), 'b'],
    ['code intent', { models: 'a|b', intents: CODE }, ask('How do I debug this function?'), 'b'],
    ['math intent', { models: 'a|b', intents: MATH }, ask('Calculate the probability formula'), 'b'],
    [
      'general via the file\'s phrase "tell me about"',
      { models: 'a|b|c', intents: { ...CODE, ...MATH } },
      ask('Tell me about the weather today'),
      'a',
    ],
    [
      'creative intent',
      { models: 'a|b', intents: { creative: 'write|story|poem' } },
      ask('Write a creative story'),
      'a',
    ],
    [
      'general intent',
      { models: 'a|b', intents: { general: 'help|what|how|explain' } },
      ask('How does this work? Explain please'),
      'a',
    ],
    [
      'code, short',
      { models: 'a|b|c', thresholds: '10|50', intents: { code: 'code|debug' } },
      ask('debug the code'),
      'b',
    ],
    [
      '41 words, no intent',
      { models: 'a|b|c', thresholds: '10|50', intents: { code: 'code|debug' } },
      ask(words(41)),
      'b',
    ],
    [
      'math and complex → the top',
      { models: 'a|b|c|d', thresholds: '10|100', intents: { math: 'math|calculate' } },
      ask(`math calculate ${words(96)}`),
      'd',
    ],
    [
      'no text → the default model',
      { defaultModel: 'fallback-model' },
      { model: 'auto', messages: [] },
      'fallback-model',
    ],
    [
      'the last message counts',
      { models: 'a|b', intents: CODE },
      {
        model: 'auto',
        messages: [
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'hi' },
          { role: 'user', content: 'debug the code' },
        ],
      },
      'b',
    ],
    [
      'query when there are no messages',
      { models: 'a|b', intents: CODE },
      { model: 'auto', messages: [], query: 'debug the code' },
      'b',
    ],
    [
      'user_last_statement',
      { models: 'a|b', intents: MATH },
      { model: 'auto', messages: [], user_last_statement: 'calculate the equation' },
      'b',
    ],
    ['a pool of one (code)', { models: 'a', intents: CODE }, ask('code code code'), 'a'],
    ['a pool of one (math)', { models: 'a', intents: MATH }, ask('math math math'), 'a'],
    [
      'code and complex',
      { models: 'cheap|expensive', thresholds: '10|50', intents: CODE },
      ask(`code ${words(40)}`),
      'expensive',
    ],
  ];
  for (const [name, env, request, expected] of rows) it(name, () => assert.equal(route(env, request), expected));

  it("keeps the file's thresholds when the variable is malformed", () => {
    for (const thresholds of ['bad|one', '42', '1|2|3']) {
      const rules = loadRoutingRules(CONFIG, { models: '', thresholds, defaultModel: '', intents: {} }, 'X');
      assert.deepEqual(rules.thresholds, [25, 150]);
    }
  });

  it('accepts intents as plain keyword lists and as objects', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'routing-')), 'simple.json');
    writeFileSync(
      file,
      JSON.stringify({
        settings: {
          default_models: { simple: 'a', medium: 'b' },
          intent_adjustment: { code: 'medium', chat: 'simple' },
        },
        intents: { code: ['stack trace', 'segfault'], chat: { keywords: [], phrases: ['how are you:5'] } },
      }),
    );
    const rules = loadRoutingRules(file, { models: '', thresholds: '', defaultModel: '', intents: {} }, 'X');
    assert.equal(chooseModel('Why a segfault here?', rules), 'b');
    assert.equal(chooseModel('How are you today?', rules), 'a');
  });
});
