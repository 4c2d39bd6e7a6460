import { upstreamStreamError } from '../../errors/errors.js';
import { type ChatChunk, nowSeconds } from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';
import { eventError, LineStreamDecoder, sseData } from '../stream-codec.js';
import { finishReasonOf } from './stop-reasons.js';
import { usageFromAnthropic } from './usage.js';

/** Anthropic SSE events → canonical chunks (text, tool calls, usage, stop reason). */
export class AnthropicStreamDecoder extends LineStreamDecoder {
  private id = '';
  private model = '';
  /** The usage of message_start (input and cache counts), completed by message_delta. */
  private usage: Json = {};
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
        this.usage = isObject(m['usage']) ? { ...m['usage'] } : {};
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
        // message_delta's counts are cumulative; a zero there means "not counted here", not "none".
        for (const [k, v] of Object.entries(u)) if (typeof v === 'number' && v > 0) this.usage[k] = v;
        const finish = this.chunk({}, finishReasonOf(d['stop_reason']) ?? 'stop');
        out.push(finish, {
          ...this.chunk({}),
          choices: [],
          usage: usageFromAnthropic(this.usage),
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
