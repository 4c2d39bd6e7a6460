import type { GatewayError } from '../../errors/gateway-error.js';
import { type ChatChunk, cachedTokensOf, type FinishReason } from '../canonical.js';
import type { Json } from '../request-fields.js';
import { type StreamEncoder, sseFrame } from '../stream-codec.js';
import { type ToolCallEvent, ToolCallSequencer } from '../tool-call-sequencer.js';
import { functionCallItem, messageItem, outputText, responseId, responseObject } from './response-out.js';

type Open =
  | { kind: 'message'; id: string; text: string }
  | { kind: 'call'; id: string; call: { id: string; name: string; arguments: string } };

/** Canonical chunks → Responses API streaming events (created … deltas … completed). */
export class ResponsesStreamEncoder implements StreamEncoder {
  private seq = 0;
  private readonly id = responseId();
  /** The whole response, once the stream ended with it. */
  finalResponse: Json | null = null;
  private started = false;
  private finished = false;
  private open: Open | null = null;
  private readonly output: Json[] = [];
  private finish: FinishReason | null = null;
  private usage = { input: 0, output: 0, cached: 0 };
  private readonly tools = new ToolCallSequencer();

  constructor(private readonly request: Json) {}

  encode(chunk: ChatChunk): string {
    let out = this.start();
    if (chunk.usage)
      this.usage = {
        input: chunk.usage.prompt_tokens,
        output: chunk.usage.completion_tokens,
        cached: cachedTokensOf(chunk.usage),
      };
    const choice = chunk.choices[0];
    if (!choice) return out;
    // Text after a tool call closes it (and gives out the calls that waited): output items are sequential.
    if (choice.delta.content && this.tools.isOpen) out += this.toolEvents(this.tools.close());
    if (choice.delta.content) {
      if (this.open?.kind !== 'message') {
        out += this.close();
        const open: Open = { kind: 'message', id: `msg_${this.id}_${this.output.length}`, text: '' };
        this.open = open;
        out += this.event('response.output_item.added', {
          output_index: this.output.length,
          item: messageItem(open.id, '', 'in_progress'),
        });
        out += this.event('response.content_part.added', {
          item_id: open.id,
          output_index: this.output.length,
          content_index: 0,
          part: outputText(''),
        });
      }
      this.open.text += choice.delta.content;
      out += this.event('response.output_text.delta', {
        item_id: this.open.id,
        output_index: this.output.length,
        content_index: 0,
        delta: choice.delta.content,
        logprobs: [],
      });
    }
    if (choice.delta.tool_calls?.length) out += this.toolEvents(this.tools.push(choice.delta.tool_calls));
    if (choice.finish_reason) this.finish = choice.finish_reason;
    return out;
  }

  end(): string {
    if (this.finished) return '';
    this.finished = true;
    const out = this.start() + this.toolEvents(this.tools.close()) + this.close();
    const response = responseObject(this.id, this.request, this.output, this.finish ?? 'stop', this.usage);
    this.finalResponse = response;
    const type = response['status'] === 'incomplete' ? 'response.incomplete' : 'response.completed';
    return out + this.event(type, { response });
  }

  error(err: GatewayError): string {
    this.finished = true;
    // `error` makes the OpenAI SDK throw; code/message/param are the Responses API's own error event.
    return sseFrame(
      {
        type: 'error',
        code: err.code,
        message: err.message,
        param: err.param,
        sequence_number: this.seq++,
        error: { type: err.type, code: err.code, message: err.message, param: err.param },
      },
      'error',
    );
  }

  private toolEvents(events: readonly ToolCallEvent[]): string {
    let out = '';
    for (const e of events) {
      if (e.kind === 'start') {
        out += this.close();
        const open: Open = {
          kind: 'call',
          id: `fc_${this.id}_${this.output.length}`,
          call: { id: e.id, name: e.name, arguments: '' },
        };
        this.open = open;
        out += this.event('response.output_item.added', {
          output_index: this.output.length,
          item: functionCallItem(open.id, open.call, 'in_progress'),
        });
      } else if (e.kind === 'arguments' && this.open?.kind === 'call') {
        this.open.call.arguments += e.text;
        out += this.event('response.function_call_arguments.delta', {
          item_id: this.open.id,
          output_index: this.output.length,
          delta: e.text,
        });
      } else if (e.kind === 'stop') out += this.close();
    }
    return out;
  }

  private start(): string {
    if (this.started) return '';
    this.started = true;
    const response = responseObject(this.id, this.request, [], null, { input: 0, output: 0 }, 'in_progress');
    return this.event('response.created', { response }) + this.event('response.in_progress', { response });
  }

  private close(): string {
    const open = this.open;
    if (!open) return '';
    this.open = null;
    const index = this.output.length;
    if (open.kind === 'message') {
      const item = messageItem(open.id, open.text);
      this.output.push(item);
      return (
        this.event('response.output_text.done', {
          item_id: open.id,
          output_index: index,
          content_index: 0,
          text: open.text,
          logprobs: [],
        }) +
        this.event('response.content_part.done', {
          item_id: open.id,
          output_index: index,
          content_index: 0,
          part: outputText(open.text),
        }) +
        this.event('response.output_item.done', { output_index: index, item })
      );
    }
    const item = functionCallItem(open.id, open.call);
    this.output.push(item);
    return (
      this.event('response.function_call_arguments.done', {
        item_id: open.id,
        output_index: index,
        arguments: open.call.arguments,
      }) + this.event('response.output_item.done', { output_index: index, item })
    );
  }

  private event(type: string, data: Json): string {
    return sseFrame({ type, sequence_number: this.seq++, ...data }, type);
  }
}
