import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk, ChatCompletion } from '../../../core/dialects/canonical.js';
import { GuardStage } from '../../../core/pipeline/guard-stage.js';

describe('answer guardrails see every channel of an answer', () => {
  it('judges tool-call names beside text, reasoning and arguments, whole or streamed', async () => {
    const seen: string[] = [];
    const stage = new GuardStage(async (texts) => void seen.push(...texts), 1);
    const completion: ChatCompletion = {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          logprobs: null,
          message: {
            role: 'assistant',
            content: 'text',
            reasoning_content: 'thought',
            tool_calls: [{ id: 't', type: 'function', function: { name: 'wire_money', arguments: '{"to":"x"}' } }],
          },
        },
      ],
    };
    await stage.completion(completion);
    assert.deepEqual(seen.sort(), ['thought', 'text', 'wire_money', '{"to":"x"}'].sort());

    seen.length = 0;
    const chunk: ChatChunk = {
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 't', function: { name: 'wire_money', arguments: '{' } }] },
          finish_reason: null,
        },
      ],
    };
    await stage.chunk(chunk);
    await stage.end();
    assert.ok(
      seen.some((t) => t.includes('wire_money')),
      seen.join('|'),
    );
  });
});
