import { upstreamStreamError } from '../../errors/errors.js';
import { type ChatChunk, nowSeconds, usageOf } from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';
import { eventError, LineStreamDecoder, sseData } from '../stream-codec.js';
import { finishReasonOf } from './stop-reasons.js';

/** Anthropic SSE events → canonical chunks (text, tool calls, usage, stop reason). */
export class AnthropicStreamDecoder extends LineStreamDecoder {
  private id = '';
  private model = '';
  private inputTokens = 0;
  private readonly toolIndexByBlock = new Map<number, number>();

  protected onLine(line: string, out: ChatChunk[]): void {
    const event = sseData(line);
    if (event === undefined) return;
    if (!isObject(event)) throw upstreamStreamError('the provider sent an event that is not an object');
    this.onEvent(event, out);
  }

  private onEvent(e: Json, out: ChatChunk[]): void {
    // An error in any shape (llama.cpp sends OpenAI's `{"error":…}` here) ends the stream as an error.
    const error = eventError(e);
    if (error) throw error;
    switch (e['type']) {
      case 'message_start': {
        const m = isObject(e['message']) ? e['message'] : {};
        this.id = String(m['id'] ?? '');
        this.model = String(m['model'] ?? '');
        this.inputTokens = Number((isObject(m['usage']) ? m['usage']['input_tokens'] : 0) ?? 0);
        out.push(this.chunk({ role: 'assistant', content: '' }));
        return;
      }
      case 'content_block_start': {
        const block = isObject(e['content_block']) ? e['content_block'] : {};
        if (block['type'] !== 'tool_use') return;
        const index = this.toolIndexByBlock.size;
        this.toolIndexByBlock.set(Number(e['index']), index);
        out.push(
          this.chunk({
            tool_calls: [
              {
                index,
                id: String(block['id']),
                type: 'function',
                function: { name: String(block['name']), arguments: '' },
              },
            ],
          }),
        );
        return;
      }
      case 'content_block_delta': {
        const d = isObject(e['delta']) ? e['delta'] : {};
        if (d['type'] === 'text_delta') out.push(this.chunk({ content: String(d['text'] ?? '') }));
        else if (d['type'] === 'thinking_delta')
          out.push(this.chunk({ reasoning_content: String(d['thinking'] ?? '') }));
        else if (d['type'] === 'input_json_delta') {
          const index = this.toolIndexByBlock.get(Number(e['index'])) ?? 0;
          out.push(this.chunk({ tool_calls: [{ index, function: { arguments: String(d['partial_json'] ?? '') } }] }));
        }
        return;
      }
      case 'message_delta': {
        const d = isObject(e['delta']) ? e['delta'] : {};
        const u = isObject(e['usage']) ? e['usage'] : {};
        if (typeof u['input_tokens'] === 'number' && u['input_tokens'] > 0) this.inputTokens = u['input_tokens'];
        const finish = this.chunk({}, finishReasonOf(d['stop_reason']) ?? 'stop');
        out.push(finish, {
          ...this.chunk({}),
          choices: [],
          usage: usageOf(this.inputTokens, Number(u['output_tokens'] ?? 0)),
        });
        return;
      }
      default:
        // Unknown types are newer events (ping, stops and the like are ignored too); no type is not an event.
        if (typeof e['type'] !== 'string') throw upstreamStreamError('the provider sent an event without a type');
        return;
    }
  }

  private chunk(
    delta: ChatChunk['choices'][number]['delta'],
    finish: ChatChunk['choices'][number]['finish_reason'] = null,
  ): ChatChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: nowSeconds(),
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    };
  }
}
