import type { GatewayError } from '../../errors/gateway-error.js';
import type { ChatChunk, FinishReason, Usage } from '../canonical.js';
import { type StreamEncoder, sseFrame } from '../stream-codec.js';
import { type ToolCallEvent, ToolCallSequencer } from '../tool-call-sequencer.js';
import { anthropicErrorBody } from './error-body.js';
import { stopReasonOf } from './stop-reasons.js';
import { anthropicUsage } from './usage.js';

type OpenBlock = { kind: 'text' | 'thinking' } | { kind: 'tool'; toolIndex: number };

/** Canonical chunks → Anthropic's event sequence (message_start … content blocks … message_delta, message_stop). */
export class AnthropicStreamEncoder implements StreamEncoder {
  private started = false;
  private finished = false;
  private blockIndex = -1;
  private open: OpenBlock | null = null;
  private finish: FinishReason | null = null;
  private usage: Usage | null = null;
  private readonly tools = new ToolCallSequencer();

  constructor(private readonly model: string) {}

  encode(chunk: ChatChunk): string {
    let out = this.start(chunk.id);
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return out;
    const d = choice.delta;
    // Text after a tool call closes it (and gives out the calls that waited): blocks are sequential.
    if ((d.reasoning_content || d.content) && this.tools.isOpen) out += this.toolEvents(this.tools.close());
    if (d.reasoning_content) {
      out += this.openBlock({ kind: 'thinking' }, { type: 'thinking', thinking: '' });
      out += this.delta({ type: 'thinking_delta', thinking: d.reasoning_content });
    }
    if (d.content) {
      out += this.openBlock({ kind: 'text' }, { type: 'text', text: '' });
      out += this.delta({ type: 'text_delta', text: d.content });
    }
    if (d.tool_calls?.length) out += this.toolEvents(this.tools.push(d.tool_calls));
    if (choice.finish_reason) this.finish = choice.finish_reason;
    return out;
  }

  end(): string {
    if (this.finished) return '';
    this.finished = true;
    return (
      this.start('') +
      this.toolEvents(this.tools.close()) +
      this.closeBlock() +
      sseFrame(
        {
          type: 'message_delta',
          delta: { stop_reason: stopReasonOf(this.finish ?? 'stop'), stop_sequence: null },
          usage: anthropicUsage(this.usage),
        },
        'message_delta',
      ) +
      sseFrame({ type: 'message_stop' }, 'message_stop')
    );
  }

  error(err: GatewayError): string {
    this.finished = true;
    return sseFrame(anthropicErrorBody(err), 'error');
  }

  private start(id: string): string {
    if (this.started) return '';
    this.started = true;
    const message = {
      id: id.startsWith('msg_') ? id : `msg_${id || Date.now()}`,
      type: 'message',
      role: 'assistant',
      model: this.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0 },
    };
    return sseFrame({ type: 'message_start', message }, 'message_start');
  }

  private toolEvents(events: readonly ToolCallEvent[]): string {
    let out = '';
    for (const e of events) {
      if (e.kind === 'start')
        out += this.openBlock(
          { kind: 'tool', toolIndex: e.index },
          { type: 'tool_use', id: e.id, name: e.name, input: {} },
          true,
        );
      else if (e.kind === 'arguments') out += this.delta({ type: 'input_json_delta', partial_json: e.text });
      else out += this.closeBlock();
    }
    return out;
  }

  private openBlock(block: OpenBlock, contentBlock: object, always = false): string {
    if (!always && this.open?.kind === block.kind) return '';
    const out = this.closeBlock();
    this.open = block;
    this.blockIndex += 1;
    return (
      out +
      sseFrame(
        { type: 'content_block_start', index: this.blockIndex, content_block: contentBlock },
        'content_block_start',
      )
    );
  }

  private closeBlock(): string {
    if (!this.open) return '';
    this.open = null;
    return sseFrame({ type: 'content_block_stop', index: this.blockIndex }, 'content_block_stop');
  }

  private delta(delta: object): string {
    return sseFrame({ type: 'content_block_delta', index: this.blockIndex, delta }, 'content_block_delta');
  }
}
