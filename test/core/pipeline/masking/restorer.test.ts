import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk, ChatCompletion } from '../../../../core/dialects/canonical.js';
import { ChunkRestorer, restoreCompletion } from '../../../../core/pipeline/masking/answer-restorer.js';
import { MaskingSession } from '../../../../core/pipeline/masking/masking-session.js';
import { restoreText, StreamRestorer } from '../../../../core/pipeline/masking/placeholder-restorer.js';

function session() {
  const s = new MaskingSession();
  s.placeholder('EMAIL', 'jan@example.com');
  s.placeholder('PHONE', '600 123 456');
  s.placeholder('NOTE', 'say "hi" \\ bye');
  return s;
}

const MASKED = 'Write to {{EMAIL_1}} or call {{PHONE_1}}; {{EMAIL_1}} again, {{UNKNOWN_3}} stays, {{ not one }}.';
const RESTORED =
  'Write to jan@example.com or call 600 123 456; jan@example.com again, {{UNKNOWN_3}} stays, {{ not one }}.';

function streamed(pieces: string[], s = session()): { out: string[]; text: string } {
  const r = new StreamRestorer(s);
  const out = pieces.map((p) => r.push(p));
  out.push(r.flush());
  return { out, text: out.join('') };
}

describe('restoring placeholders', () => {
  it('restores a whole text and leaves unknown placeholders', () => {
    assert.equal(restoreText(MASKED, session()), RESTORED);
  });

  it('gives the same placeholder to the same value, a new one to a new value', () => {
    const s = new MaskingSession();
    assert.equal(s.placeholder('EMAIL', 'a@x.pl'), '{{EMAIL_1}}');
    assert.equal(s.placeholder('EMAIL', 'b@x.pl'), '{{EMAIL_2}}');
    assert.equal(s.placeholder('EMAIL', 'a@x.pl'), '{{EMAIL_1}}');
    assert.equal(s.placeholder('PHONE', 'a@x.pl'), '{{PHONE_1}}');
  });

  it('restores a stream split at every possible point of a placeholder', () => {
    for (let i = 0; i <= MASKED.length; i++) {
      assert.equal(streamed([MASKED.slice(0, i), MASKED.slice(i)]).text, RESTORED, `split at ${i}`);
    }
  });

  it('restores one character per chunk and never emits a fragment of a placeholder', () => {
    const { out, text } = streamed([...MASKED]);
    assert.equal(text, RESTORED);
    for (const piece of out) assert.ok(!piece.includes('{{EMAIL') && !piece.includes('{{PHONE'), piece);
  });

  it('releases an unfinished "{{" at the end of the stream as text', () => {
    assert.equal(streamed(['a {{EMA']).text, 'a {{EMA');
    assert.equal(streamed(['cost {', '5}']).text, 'cost {5}');
  });

  it('escapes originals placed inside JSON tool arguments', () => {
    const s = session();
    const args = restoreText('{"to":"{{EMAIL_1}}","note":"{{NOTE_1}}"}', s, true);
    assert.deepEqual(JSON.parse(args), { to: 'jan@example.com', note: 'say "hi" \\ bye' });
  });

  it('restores completions: text, reasoning and tool arguments', () => {
    const c = {
      id: 'x',
      object: 'chat.completion' as const,
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls' as const,
          logprobs: null,
          message: {
            role: 'assistant' as const,
            content: 'Mailing {{EMAIL_1}}',
            reasoning_content: 'user is {{EMAIL_1}}',
            tool_calls: [
              { id: 't', type: 'function' as const, function: { name: 'send', arguments: '{"to":"{{EMAIL_1}}"}' } },
            ],
          },
        },
      ],
    };
    restoreCompletion(c, session());
    const m = c.choices[0]!.message;
    assert.equal(m.content, 'Mailing jan@example.com');
    assert.equal(m.reasoning_content, 'user is jan@example.com');
    assert.equal(m.tool_calls[0]!.function.arguments, '{"to":"jan@example.com"}');
  });

  it('restores streamed tool arguments per call and releases held text with the finish chunk', () => {
    const r = new ChunkRestorer(session());
    const chunk = (
      delta: ChatChunk['choices'][number]['delta'],
      finish: ChatChunk['choices'][number]['finish_reason'] = null,
    ): ChatChunk => ({
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const out = [
      r.restore(chunk({ content: 'Hi {{EM' })),
      r.restore(chunk({ content: 'AIL_1}} and {' })),
      r.restore(chunk({ tool_calls: [{ index: 0, id: 't', function: { name: 'send', arguments: '{"to":"{{PHO' } }] })),
      r.restore(chunk({ tool_calls: [{ index: 0, function: { arguments: 'NE_1}}"}' } }] })),
      r.restore(chunk({}, 'stop')),
    ];
    const text = out.map((c) => c.choices[0]!.delta.content ?? '').join('');
    const args = out
      .flatMap((c) => c.choices[0]!.delta.tool_calls ?? [])
      .map((t) => t.function?.arguments ?? '')
      .join('');
    assert.equal(text, 'Hi jan@example.com and {');
    assert.equal(args, '{"to":"600 123 456"}');
  });
});

describe('ChunkRestorer with several choices', () => {
  it('restores two answers streamed in one stream, interleaved one character at a time', () => {
    const s = new MaskingSession();
    const email = s.placeholder('EMAIL', 'jan@example.com');
    const phone = s.placeholder('PHONE', '600 123 456');
    const answers = [`Mail ${email} now`, `Call ${phone} now`];
    const r = new ChunkRestorer(s);
    const got = ['', ''];
    const longest = Math.max(...answers.map((a) => a.length));
    for (let i = 0; i <= longest; i++) {
      for (const index of [0, 1]) {
        const piece = answers[index]!.slice(i, i + 1);
        const finish = i === longest ? ('stop' as const) : null;
        if (!piece && !finish) continue;
        const out = r.restore({
          id: 'c',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'm',
          choices: [{ index, delta: piece ? { content: piece } : {}, finish_reason: finish }],
        });
        got[index] += out.choices[0]!.delta.content ?? '';
      }
    }
    assert.deepEqual(got, ['Mail jan@example.com now', 'Call 600 123 456 now']);
  });
});

describe('numbers in streamed tool arguments', () => {
  it('gives a masked number back as the number, however the stream splits it', () => {
    const s = new MaskingSession();
    const ph = s.placeholder('PESEL', '44051401359');
    s.markNumeric(ph);
    const args = `{"pesel":"${ph}","note":"x"}`;
    for (let size = 1; size <= 4; size++) {
      const r = new StreamRestorer(s, true);
      let out = '';
      for (let i = 0; i < args.length; i += size) out += r.push(args.slice(i, i + size));
      out += r.flush();
      assert.equal(out, '{"pesel":44051401359,"note":"x"}', `pieces of ${size}`);
    }
  });
});

describe('refusals and log probabilities', () => {
  it('restores a refusal and the tokens of log probabilities in a whole answer', () => {
    const s = new MaskingSession();
    const ph = s.placeholder('EMAIL', 'jan@example.com');
    const c: ChatCompletion = {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: null, refusal: `I won't mail ${ph}.` },
          logprobs: { content: null, refusal: [{ token: ph, top_logprobs: [{ token: ph }] }] },
        },
      ],
    };
    restoreCompletion(c, s);
    assert.equal(c.choices[0]!.message.refusal, "I won't mail jan@example.com.");
    assert.equal(c.choices[0]!.logprobs!.refusal![0]!.token, 'jan@example.com');
    assert.equal(c.choices[0]!.logprobs!.refusal![0]!.top_logprobs![0]!.token, 'jan@example.com');
  });

  it('restores a streamed refusal split across chunks', () => {
    const s = new MaskingSession();
    const ph = s.placeholder('EMAIL', 'jan@example.com');
    const r = new ChunkRestorer(s);
    const pieces = [`No, ${ph.slice(0, 4)}`, `${ph.slice(4)}!`];
    let out = '';
    pieces.forEach((refusal, i) => {
      const chunk = r.restore({
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { refusal }, finish_reason: i === pieces.length - 1 ? 'stop' : null }],
      });
      out += chunk.choices[0]!.delta.refusal ?? '';
    });
    assert.equal(out, 'No, jan@example.com!');
  });
});
