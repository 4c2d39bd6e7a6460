import { embeddingOf, replyFor, TOOL_ARGS, TOOL_ARGS_PIECES, TOOL_NAME, USAGE } from './fake-replies.js';

type Json = Record<string, unknown>;
export type Frames = { contentType: string; frames: string[] };

/** The two calls a request offering two or more tools gets, streamed interleaved. */
export const PARALLEL_CALLS = [
  { id: 'call_par0', name: 'get_weather', pieces: ['{"city":', ' "Warsaw"}'], args: { city: 'Warsaw' } },
  { id: 'call_par1', name: 'get_time', pieces: ['{"zone":', ' "Europe/Warsaw"}'], args: { zone: 'Europe/Warsaw' } },
];

/** `cached` models report most of the prompt as read from the cache, as llama-server does. */
export const CACHED_USAGE = { input: 3, cacheRead: 60, cacheWrite: 4, total: 67 };
const anthropicInput = (body: Json) =>
  String(body['model']).includes('cached')
    ? {
        input_tokens: CACHED_USAGE.input,
        cache_read_input_tokens: CACHED_USAGE.cacheRead,
        cache_creation_input_tokens: CACHED_USAGE.cacheWrite,
      }
    : { input_tokens: USAGE.input };

const wantsTools = (body: Json) => Array.isArray(body['tools']) && body['tools'].length > 0;
// With `logprobs: true`, OpenAI-compatible backends give one entry per token; here a token is a streamed piece.
const logprobsOf = (body: Json, pieces: string[]) =>
  body['logprobs'] === true
    ? { content: pieces.map((token) => ({ token, logprob: -0.25, bytes: [...Buffer.from(token)], top_logprobs: [] })) }
    : null;
const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

export const openai = {
  chat(body: Json): Json {
    const tools = wantsTools(body);
    return {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1700000000,
      model: body['model'],
      choices: [
        {
          index: 0,
          message: tools
            ? {
                role: 'assistant',
                content: null,
                tool_calls: [
                  {
                    id: 'call_fake1',
                    type: 'function',
                    function: { name: TOOL_NAME, arguments: JSON.stringify(TOOL_ARGS) },
                  },
                ],
              }
            : { role: 'assistant', content: replyFor(body).text },
          finish_reason: tools ? 'tool_calls' : 'stop',
          logprobs: tools ? null : logprobsOf(body, replyFor(body).pieces),
        },
      ],
      usage: { prompt_tokens: USAGE.input, completion_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output },
    };
  },
  chatStream(body: Json): Frames {
    const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1700000000, model: body['model'] };
    const chunk = (delta: Json, finish: string | null = null) =>
      sse({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
    const frames = [chunk({ role: 'assistant', content: '' })];
    if (body['n'] === 2 && !wantsTools(body)) {
      // Two answers in one stream, interleaved a character at a time (each placeholder split many times).
      const texts = [replyFor(body).text, `Second: ${replyFor(body).text}`];
      for (let i = 0; i < Math.max(...texts.map((t) => t.length)); i++) {
        texts.forEach((t, index) => {
          if (i < t.length)
            frames.push(sse({ ...base, choices: [{ index, delta: { content: t[i] }, finish_reason: null }] }));
        });
      }
      const done = [0, 1].map((index) => ({ index, delta: {}, finish_reason: 'stop' }));
      frames.push(sse({ ...base, choices: done }));
    } else if (wantsTools(body) && (body['tools'] as unknown[]).length >= 2) {
      // Parallel calls with their argument deltas interleaved, as OpenAI and vLLM send them.
      for (const [index, c] of PARALLEL_CALLS.entries())
        frames.push(
          chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }),
        );
      for (let piece = 0; piece < 2; piece++)
        for (const [index, c] of PARALLEL_CALLS.entries())
          frames.push(chunk({ tool_calls: [{ index, function: { arguments: c.pieces[piece] } }] }));
      frames.push(chunk({}, 'tool_calls'));
    } else if (wantsTools(body)) {
      frames.push(
        chunk({
          tool_calls: [{ index: 0, id: 'call_fake1', type: 'function', function: { name: TOOL_NAME, arguments: '' } }],
        }),
      );
      for (const a of TOOL_ARGS_PIECES) frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: a } }] }));
      frames.push(chunk({}, 'tool_calls'));
    } else {
      for (const p of replyFor(body).pieces) {
        const logprobs = logprobsOf(body, [p]);
        if (logprobs)
          frames.push(sse({ ...base, choices: [{ index: 0, delta: { content: p }, logprobs, finish_reason: null }] }));
        else frames.push(chunk({ content: p }));
      }
      frames.push(chunk({}, 'stop'));
    }
    const opts = body['stream_options'] as Json | undefined;
    if (opts?.['include_usage'])
      frames.push(
        sse({
          ...base,
          choices: [],
          usage: {
            prompt_tokens: USAGE.input,
            completion_tokens: USAGE.output,
            total_tokens: USAGE.input + USAGE.output,
          },
        }),
      );
    frames.push('data: [DONE]\n\n');
    return { contentType: 'text/event-stream', frames };
  },
  embeddings(body: Json): Json {
    const inputs = Array.isArray(body['input']) ? body['input'] : [body['input']];
    return {
      object: 'list',
      model: body['model'],
      data: inputs.map((t, index) => {
        const v = embeddingOf(String(t));
        const embedding =
          body['encoding_format'] === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
        return { object: 'embedding', index, embedding };
      }),
      usage: { prompt_tokens: USAGE.input, total_tokens: USAGE.input },
    };
  },
};

const responseOf = (body: Json, output: Json[], status: string) => ({
  id: 'resp_fake',
  object: 'response',
  created_at: 1700000000,
  status,
  model: body['model'],
  output,
  error: null,
  incomplete_details: null,
  usage: { input_tokens: USAGE.input, output_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output },
});
const textItem = (text: string) => ({
  type: 'message',
  id: 'msg_fake',
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'output_text', text, annotations: [] }],
});
const callItem = (args: string) => ({
  type: 'function_call',
  id: 'fc_fake',
  call_id: 'call_fake1',
  name: TOOL_NAME,
  arguments: args,
  status: 'completed',
});

/** OpenAI's Responses API, as vLLM and OpenAI serve it. */
export const responses = {
  create(body: Json): Json {
    return responseOf(
      body,
      [wantsTools(body) ? callItem(JSON.stringify(TOOL_ARGS)) : textItem(replyFor(body).text)],
      'completed',
    );
  },
  stream(body: Json): Frames {
    let seq = 0;
    const ev = (type: string, data: Json) => sse({ type, sequence_number: seq++, ...data }, type);
    const frames = [ev('response.created', { response: responseOf(body, [], 'in_progress') })];
    if (wantsTools(body)) {
      frames.push(
        ev('response.output_item.added', { output_index: 0, item: { ...callItem(''), status: 'in_progress' } }),
      );
      for (const a of TOOL_ARGS_PIECES)
        frames.push(ev('response.function_call_arguments.delta', { item_id: 'fc_fake', output_index: 0, delta: a }));
      frames.push(ev('response.output_item.done', { output_index: 0, item: callItem(JSON.stringify(TOOL_ARGS)) }));
    } else {
      frames.push(
        ev('response.output_item.added', {
          output_index: 0,
          item: { ...textItem(''), status: 'in_progress', content: [] },
        }),
      );
      frames.push(
        ev('response.content_part.added', {
          item_id: 'msg_fake',
          output_index: 0,
          content_index: 0,
          part: { type: 'output_text', text: '', annotations: [] },
        }),
      );
      for (const p of replyFor(body).pieces)
        frames.push(
          ev('response.output_text.delta', { item_id: 'msg_fake', output_index: 0, content_index: 0, delta: p }),
        );
      frames.push(ev('response.output_item.done', { output_index: 0, item: textItem(replyFor(body).text) }));
    }
    frames.push(ev('response.completed', { response: this.create(body) }));
    return { contentType: 'text/event-stream', frames };
  },
};

export const anthropic = {
  messages(body: Json): Json {
    const tools = wantsTools(body);
    return {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: body['model'],
      content: tools
        ? [{ type: 'tool_use', id: 'toolu_fake1', name: TOOL_NAME, input: TOOL_ARGS }]
        : [{ type: 'text', text: replyFor(body).text }],
      stop_reason: tools ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { ...anthropicInput(body), output_tokens: USAGE.output },
    };
  },
  messagesStream(body: Json): Frames {
    const frames = [
      sse(
        {
          type: 'message_start',
          message: {
            id: 'msg_fake',
            type: 'message',
            role: 'assistant',
            model: body['model'],
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { ...anthropicInput(body), output_tokens: 1 },
          },
        },
        'message_start',
      ),
    ];
    const tools = wantsTools(body);
    if (tools) {
      frames.push(
        sse(
          {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'tool_use', id: 'toolu_fake1', name: TOOL_NAME, input: {} },
          },
          'content_block_start',
        ),
      );
      for (const a of TOOL_ARGS_PIECES)
        frames.push(
          sse(
            { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: a } },
            'content_block_delta',
          ),
        );
    } else {
      frames.push(
        sse(
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
          'content_block_start',
        ),
      );
      frames.push(sse({ type: 'ping' }, 'ping'));
      for (const p of replyFor(body).pieces)
        frames.push(
          sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } }, 'content_block_delta'),
        );
    }
    frames.push(sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'));
    frames.push(
      sse(
        {
          type: 'message_delta',
          delta: { stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null },
          usage: { output_tokens: USAGE.output },
        },
        'message_delta',
      ),
    );
    frames.push(sse({ type: 'message_stop' }, 'message_stop'));
    return { contentType: 'text/event-stream', frames };
  },
};

const ollamaDone = (model: unknown) => ({
  model,
  created_at: '2026-01-01T00:00:00Z',
  message: { role: 'assistant', content: '' },
  done: true,
  done_reason: 'stop',
  total_duration: 1,
  load_duration: 1,
  prompt_eval_count: USAGE.input,
  prompt_eval_duration: 1,
  eval_count: USAGE.output,
  eval_duration: 1,
});
const ollamaToolCalls = [{ function: { name: TOOL_NAME, arguments: TOOL_ARGS } }];

export const ollama = {
  chat(body: Json): Json {
    const message = wantsTools(body)
      ? { role: 'assistant', content: '', tool_calls: ollamaToolCalls }
      : { role: 'assistant', content: replyFor(body).text };
    return { ...ollamaDone(body['model']), message };
  },
  chatStream(body: Json): Frames {
    const line = (o: unknown) => `${JSON.stringify(o)}\n`;
    const part = (message: Json) =>
      line({ model: body['model'], created_at: '2026-01-01T00:00:00Z', message, done: false });
    const frames = wantsTools(body)
      ? [part({ role: 'assistant', content: '', tool_calls: ollamaToolCalls })]
      : replyFor(body).pieces.map((p) => part({ role: 'assistant', content: p }));
    frames.push(line(ollamaDone(body['model'])));
    return { contentType: 'application/x-ndjson', frames };
  },
  embed(body: Json): Json {
    const inputs = Array.isArray(body['input']) ? body['input'] : [body['input']];
    return {
      model: body['model'],
      embeddings: inputs.map((t) => embeddingOf(String(t))),
      total_duration: 1,
      load_duration: 1,
      prompt_eval_count: USAGE.input,
    };
  },
};
