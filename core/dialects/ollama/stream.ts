import { upstreamStreamError } from '../../errors/errors.js';
import type { GatewayError } from '../../errors/gateway-error.js';
import {
  type ChatChunk,
  type FinishReason,
  nowSeconds,
  parseArguments,
  type ToolCallDelta,
  usageOf,
} from '../canonical.js';
import { isObject, type Json } from '../request-fields.js';
import { eventError, LineStreamDecoder, type StreamEncoder } from '../stream-codec.js';
import { epochOf, ollamaDone, ollamaFinish, ollamaToolCalls } from './response.js';

/** Ollama NDJSON lines → canonical chunks. */
export class OllamaStreamDecoder extends LineStreamDecoder {
  private readonly id = `chatcmpl-${Date.now().toString(36)}`;
  private first = true;
  private toolCount = 0;

  protected onLine(text: string, out: ChatChunk[]): void {
    if (!text.trim()) return;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      throw upstreamStreamError('the provider sent a line that is not JSON');
    }
    if (!isObject(line)) throw upstreamStreamError('the provider sent a line that is not an object');
    this.onObject(line, out);
  }

  private onObject(line: Json, out: ChatChunk[]): void {
    const error = eventError(line);
    if (error) throw error;
    const model = String(line['model'] ?? '');
    const created = epochOf(line['created_at']);
    const chunk = (delta: ChatChunk['choices'][number]['delta'], finish: FinishReason | null = null): ChatChunk => ({
      id: this.id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const m = isObject(line['message']) ? line['message'] : {};
    const delta: ChatChunk['choices'][number]['delta'] = {};
    if (this.first) delta.role = 'assistant';
    this.first = false;
    if (typeof m['content'] === 'string' && m['content']) delta.content = m['content'];
    if (typeof m['thinking'] === 'string' && m['thinking']) delta.reasoning_content = m['thinking'];
    const calls = ollamaToolCalls(m['tool_calls'], this.toolCount);
    if (calls.length) {
      delta.tool_calls = calls.map(
        (c, i): ToolCallDelta => ({ index: this.toolCount + i, id: c.id, type: 'function', function: c.function }),
      );
      this.toolCount += calls.length;
    }
    if (Object.keys(delta).length) out.push(chunk(delta));
    if (line['done'] === true) {
      out.push(chunk({}, ollamaFinish(line['done_reason'], this.toolCount > 0)));
      out.push({
        ...chunk({}),
        choices: [],
        usage: usageOf(Number(line['prompt_eval_count'] ?? 0), Number(line['eval_count'] ?? 0)),
      });
    }
  }
}

/** Canonical chunks → Ollama NDJSON; tool calls are sent whole, as Ollama does. */
export class OllamaStreamEncoder implements StreamEncoder {
  private finished = false;
  private finish: FinishReason | null = null;
  private usage = { prompt: 0, completion: 0 };
  private readonly calls: Array<{ id?: string; name: string; args: string }> = [];

  constructor(private readonly model: unknown) {}

  encode(chunk: ChatChunk): string {
    if (chunk.usage) this.usage = { prompt: chunk.usage.prompt_tokens, completion: chunk.usage.completion_tokens };
    const choice = chunk.choices[0];
    if (!choice) return '';
    for (const d of choice.delta.tool_calls ?? []) {
      this.calls[d.index] ??= { name: '', args: '' };
      const call = this.calls[d.index]!;
      if (d.function?.name) call.name += d.function.name;
      if (d.function?.arguments) call.args += d.function.arguments;
    }
    if (choice.finish_reason) this.finish = choice.finish_reason;
    const { content, reasoning_content: thinking } = choice.delta;
    if (!content && !thinking) return '';
    const message: Json = { role: 'assistant', content: content ?? '' };
    if (thinking) message['thinking'] = thinking;
    return this.line({
      model: this.model,
      created_at: new Date(nowSeconds() * 1000).toISOString(),
      message,
      done: false,
    });
  }

  end(): string {
    if (this.finished) return '';
    this.finished = true;
    let out = '';
    if (this.calls.length) {
      const tool_calls = this.calls
        .filter(Boolean)
        .map((c) => ({ function: { name: c.name, arguments: parseArguments(c.args) } }));
      out += this.line({
        model: this.model,
        created_at: new Date().toISOString(),
        message: { role: 'assistant', content: '', tool_calls },
        done: false,
      });
    }
    return out + this.line(ollamaDone(this.model, this.finish, this.usage.prompt, this.usage.completion));
  }

  error(err: GatewayError): string {
    this.finished = true;
    return this.line({ error: err.message });
  }

  private line(obj: unknown): string {
    return `${JSON.stringify(obj)}\n`;
  }
}
