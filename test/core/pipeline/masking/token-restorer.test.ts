import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk, TokenLogprob } from '../../../../core/dialects/canonical.js';
import { ChunkRestorer } from '../../../../core/pipeline/masking/answer-restorer.js';
import { MaskingSession } from '../../../../core/pipeline/masking/masking-session.js';
import { restoreTokens, TokenStreamRestorer } from '../../../../core/pipeline/masking/token-restorer.js';

function session() {
  const s = new MaskingSession();
  s.placeholder('EMAIL', 'łukasz@example.com');
  return s;
}

// How a tokenizer splits "Mail {{EMAIL_1}} now, {{X_9}} stays": a placeholder is several tokens.
const PIECES = ['Mail', ' {{', 'EMAIL', '_', '1', '}}', ' now', ',', ' {{', 'X', '_9', '}}', ' stays'];
const tokens = (pieces = PIECES): TokenLogprob[] =>
  pieces.map((token, i) => ({
    token,
    logprob: -0.5 * (i + 1),
    bytes: [...Buffer.from(token)],
    top_logprobs: [{ token: i === 2 ? '{{EMAIL_1}}' : token, logprob: -1 }],
  }));

const text = (list: readonly TokenLogprob[]) => list.map((t) => t.token).join('');

describe('restoring log-probability tokens', () => {
  it('merges the tokens of a placeholder into one entry with the original, its bytes and summed logprob', () => {
    const out = restoreTokens(tokens(), session());
    assert.equal(text(out), 'Mail łukasz@example.com now, {{X_9}} stays');
    const merged = out[1];
    assert.equal(merged?.token, ' łukasz@example.com');
    assert.deepEqual(merged?.bytes, [...Buffer.from(' łukasz@example.com')]);
    assert.equal(merged?.logprob, -0.5 * (2 + 3 + 4 + 5 + 6));
    assert.equal(out.length, PIECES.length - 4, 'an unknown placeholder keeps its tokens');
    assert.ok(!JSON.stringify(out).includes('{{EMAIL'), 'no alternative keeps the placeholder');
  });

  it('restores a stream of tokens split at every point, never releasing part of a placeholder', () => {
    const all = tokens();
    for (let cut = 0; cut <= all.length; cut++) {
      const r = new TokenStreamRestorer(session());
      const first = r.push(all.slice(0, cut));
      const second = r.push(all.slice(cut));
      const out = [...first, ...second, ...r.flush()];
      assert.equal(text(out), 'Mail łukasz@example.com now, {{X_9}} stays', `cut at ${cut}`);
      for (const piece of [first, second]) assert.ok(!text(piece).includes('{{EMAIL'), `cut at ${cut}`);
    }
  });

  it('restores one token per chunk through the chunk restorer, and releases held tokens at the finish', () => {
    const r = new ChunkRestorer(session());
    const all = tokens(['Hi', ' {{', 'EMAIL', '_1', '}}', ' {', '{']);
    const seen: TokenLogprob[] = [];
    all.forEach((t, i) => {
      const last = i === all.length - 1;
      const chunk: ChatChunk = {
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, delta: { content: t.token }, logprobs: { content: [t] }, finish_reason: last ? 'stop' : null },
        ],
      };
      const out = r.restore(chunk);
      const released = out.choices[0]?.logprobs?.content ?? [];
      assert.ok(!text(released).includes('{{E'), `chunk ${i}`);
      seen.push(...released);
    });
    assert.equal(text(seen), 'Hi łukasz@example.com {{');
  });
});
