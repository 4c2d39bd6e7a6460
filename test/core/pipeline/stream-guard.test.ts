import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk } from '../../../core/dialects/canonical.js';
import { contentBlocked } from '../../../core/errors/errors.js';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { StreamGuard } from '../../../core/pipeline/stream-guard.js';

const chunk = (content: string): ChatChunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'm',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const text = (chunks: ChatChunk[]) => chunks.map((c) => c.choices[0]!.delta.content).join('');

describe('stream guard', () => {
  it('holds chunks until a window is full, checks it with the window before, then releases them', async () => {
    const checked: string[] = [];
    const guard = new StreamGuard(async (t) => void checked.push(t), 10);
    const out: ChatChunk[] = [];
    for (const piece of ['Hello ', 'there, ', 'my ', 'dear ']) out.push(...(await guard.push(chunk(piece))));
    assert.equal(text(out), 'Hello there, ', 'the second window is still filling');
    out.push(...(await guard.push(chunk('friend'))));
    assert.equal(text(out), 'Hello there, my dear friend');
    out.push(...(await guard.push(chunk('!'))), ...(await guard.end()));
    assert.equal(text(out), 'Hello there, my dear friend!');
    // Each check sees the new text with up to one window of what came before it.
    assert.deepEqual(checked, ['Hello there, ', 'lo there, my dear friend', 'dear friend!'.slice(-11)]);
  });

  it('judges the alternatives of streamed log probabilities too, before the chunk carrying them is released', async () => {
    const guard = new StreamGuard(async (t) => {
      if (t.includes('bomb')) throw contentBlocked('answer', 'test', 'bomb');
    }, 4);
    const withAlternative: ChatChunk = {
      ...chunk('Build a '),
      choices: [
        {
          index: 0,
          delta: { content: 'Build a ' },
          finish_reason: null,
          logprobs: { content: [{ token: 'a', logprob: -0.1, top_logprobs: [{ token: 'bomb', logprob: -0.2 }] }] },
        },
      ],
    };
    const released = await guard.push(chunk('ok '));
    assert.equal(text(released), '', 'a window is still filling');
    const err = await guard.push(withAlternative).catch((e: unknown) => e);
    assert.ok(err instanceof GatewayError && err.code === 'content_blocked', String(err));
  });

  it('releases nothing of a window the guard rejects', async () => {
    const guard = new StreamGuard(async (t) => {
      if (t.includes('bomb')) throw contentBlocked('answer', 'test', 'bomb');
    }, 8);
    const sent: string[] = [];
    const pieces = ['safe words ', 'then a b', 'omb here', ' and more'];
    const err = await (async () => {
      for (const p of pieces) sent.push(text(await guard.push(chunk(p))));
    })().catch((e: unknown) => e);
    assert.ok(err instanceof GatewayError);
    assert.equal(sent.join(''), 'safe words then a b'.slice(0, sent.join('').length));
    assert.ok(!sent.join('').includes('omb'));
  });
});
