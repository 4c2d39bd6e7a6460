import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk, ChatCompletion } from '../../../core/dialects/canonical.js';
import { AnswerChain, type AnswerStage } from '../../../core/pipeline/answer-stages.js';
import { compose, type Stage } from '../../../core/pipeline/compose.js';

const chunk = (content: string): ChatChunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const textOf = (chunks: ChatChunk[]) => chunks.map((c) => c.choices[0]!.delta.content).join('|');

async function collect(chunks: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

/** Upper-cases each chunk. */
const upper: AnswerStage = {
  chunk: (c) => [
    { ...c, choices: [{ ...c.choices[0]!, delta: { content: c.choices[0]!.delta.content!.toUpperCase() } }] },
  ],
  end: () => [],
  completion: (c) => {
    c.choices[0]!.message.content = c.choices[0]!.message.content!.toUpperCase();
  },
};

/** Holds chunks in pairs, releasing what is left at the end. */
function pairs(): AnswerStage {
  let held: ChatChunk[] = [];
  return {
    chunk: async (c) => {
      held.push(c);
      if (held.length < 2) return [];
      const out = held;
      held = [];
      return out;
    },
    end: () => {
      const out = held;
      held = [];
      return out;
    },
    completion: () => {},
  };
}

describe('compose', () => {
  it('runs the stages in order around the last step, control coming back once', async () => {
    const seen: string[] = [];
    const stage =
      (name: string): Stage<string[], string> =>
      async (ctx, next) => {
        ctx.push(`${name} in`);
        const r = await next();
        ctx.push(`${name} out`);
        return `${name}(${r})`;
      };
    const run = compose([stage('a'), stage('b')], async (ctx) => {
      ctx.push('last');
      return 'x';
    });
    assert.equal(await run(seen), 'a(b(x))');
    assert.deepEqual(seen, ['a in', 'b in', 'last', 'b out', 'a out']);
  });

  it('lets a stage end the chain without the rest, and refuses next() twice', async () => {
    const run = compose<null, string>([async () => 'stopped'], async () => 'last');
    assert.equal(await run(null), 'stopped');
    const twice = compose<null, string>(
      [
        async (_c, next) => {
          await next();
          return next();
        },
      ],
      async () => 'x',
    );
    await assert.rejects(twice(null), /next\(\) twice/);
  });

  it('is the last step itself when there are no stages', () => {
    const last = async () => 'x';
    assert.equal(compose([], last), last);
  });
});

describe('AnswerChain', () => {
  it('passes chunks untouched with no stages', async () => {
    const chain = new AnswerChain([]);
    assert.ok(chain.empty);
    assert.equal(textOf(await collect(chain.push([chunk('a'), chunk('b')]))), 'a|b');
  });

  it('sends each chunk through every stage in order, and what an earlier stage releases at the end through the later ones', async () => {
    const chain = new AnswerChain([pairs(), upper]);
    assert.equal(textOf(await collect(chain.push([chunk('a'), chunk('b'), chunk('c')]))), 'A|B');
    assert.equal(textOf(await collect(chain.end())), 'C');
  });

  it('yields what a stage released before a later chunk makes a stage throw', async () => {
    const blocking: AnswerStage = {
      chunk: (c) => {
        if (c.choices[0]!.delta.content === 'bad') throw new Error('blocked');
        return [c];
      },
      end: () => [],
      completion: () => {},
    };
    const chain = new AnswerChain([blocking]);
    const got: ChatChunk[] = [];
    await assert.rejects(async () => {
      for await (const c of chain.push([chunk('ok'), chunk('bad')])) got.push(c);
    }, /blocked/);
    assert.equal(textOf(got), 'ok');
  });

  it('runs the same stages over a whole completion', async () => {
    const completion: ChatCompletion = {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop', logprobs: null }],
    };
    await new AnswerChain([pairs(), upper]).completion(completion);
    assert.equal(completion.choices[0]!.message.content, 'HI');
  });
});
