import { notCarried } from '../../errors/errors.js';
import type { ChatMessage, ChatRequest, ContentPart, FilePart } from '../canonical.js';
import { parseArguments, textOf } from '../canonical.js';
import type { Json } from '../request-fields.js';
import { refuseUnsupported } from '../unsupported-options.js';

// Anthropic requires max_tokens; the reference used the same default.
const DEFAULT_MAX_TOKENS = 4096;

type Block = Json;
interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: Block[];
}

/** Canonical → Anthropic Messages request. Fields Anthropic would reject are not sent. */
export function writeAnthropicRequest(req: ChatRequest, stream: boolean): Json {
  refuseUnsupported(
    req,
    ['n', 'logprobs', 'top_logprobs', 'logit_bias', 'presence_penalty', 'frequency_penalty', 'seed', 'response_format'],
    'anthropic',
  );
  const system = req.messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => textOf(m.content))
    .join('\n\n');
  const messages: AnthropicMessage[] = [];
  for (const [i, m] of req.messages.entries()) {
    if (m.role === 'system' || m.role === 'developer') continue;
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const blocks = toBlocks(m, i);
    if (blocks.length === 0) continue;
    const last = messages[messages.length - 1];
    // Tool results and consecutive turns of one role merge: Anthropic wants user/assistant alternation.
    if (last && last.role === role) for (const block of blocks) last.content.push(block);
    else messages.push({ role, content: blocks });
  }
  const out: Json = {
    model: req.model,
    messages,
    max_tokens: req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_MAX_TOKENS,
    stream,
  };
  if (system) out['system'] = system;
  for (const k of ['temperature', 'top_p', 'top_k'] as const) if (typeof req[k] === 'number') out[k] = req[k];
  if (req.stop !== undefined) out['stop_sequences'] = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (typeof req['user'] === 'string') out['metadata'] = { user_id: req['user'] };
  if (req.tools?.length) {
    out['tools'] = req.tools.map((t) => ({
      name: t.function.name,
      ...(t.function.description ? { description: t.function.description } : {}),
      input_schema: t.function.parameters ?? { type: 'object', properties: {} },
    }));
    const choice = toolChoice(req);
    if (choice) out['tool_choice'] = choice;
  }
  return out;
}

// Earlier turns' reasoning_content is not sent: Anthropic ignores the thinking of previous turns (and needs a
// signature only it can make), so leaving it out is what Anthropic itself would do with it.
function toBlocks(m: ChatMessage, index: number): Block[] {
  if (m.role === 'tool')
    return [{ type: 'tool_result', tool_use_id: m.tool_call_id ?? '', content: textOf(m.content) }];
  const blocks: Block[] = [];
  if (typeof m.content === 'string') {
    if (m.content) blocks.push({ type: 'text', text: m.content });
  } else if (Array.isArray(m.content)) {
    m.content.forEach((part, j) => {
      for (const block of partBlock(part, `messages[${index}].content[${j}]`)) blocks.push(block);
    });
  }
  for (const call of m.tool_calls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseArguments(call.function.arguments),
    });
  }
  return blocks;
}

function partBlock(part: ContentPart, param: string): Block[] {
  if (part.type === 'text') return part.text ? [{ type: 'text', text: part.text }] : [];
  if (part.type === 'image_url') {
    const data = DATA_URL.exec(part.image_url.url);
    if (data) return [{ type: 'image', source: { type: 'base64', media_type: data[1], data: data[2] } }];
    return [{ type: 'image', source: { type: 'url', url: part.image_url.url } }];
  }
  if (part.type === 'file') return [documentBlock(part.file, param)];
  throw notCarried(`a '${(part as { type: string }).type}' part`, param, 'anthropic');
}

const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** A file part as a document block: PDFs inline or by URL, plain text as text. */
function documentBlock(file: FilePart['file'], param: string): Block {
  const title = file.filename ? { title: file.filename } : {};
  if (file.file_url) return { type: 'document', source: { type: 'url', url: file.file_url }, ...title };
  const data = file.file_data ? DATA_URL.exec(file.file_data) : null;
  if (data?.[1] === 'text/plain')
    return {
      type: 'document',
      source: { type: 'text', media_type: 'text/plain', data: Buffer.from(data[2]!, 'base64').toString('utf8') },
      ...title,
    };
  if (data) return { type: 'document', source: { type: 'base64', media_type: data[1], data: data[2] }, ...title };
  // An OpenAI file id names a file stored at OpenAI; Anthropic cannot fetch it.
  throw notCarried('a file given by file_id', param, 'anthropic');
}

function toolChoice(req: ChatRequest): Json | null {
  const noParallel = req['parallel_tool_calls'] === false ? { disable_parallel_tool_use: true } : {};
  const c = req.tool_choice;
  if (c === undefined || c === 'auto') return Object.keys(noParallel).length ? { type: 'auto', ...noParallel } : null;
  if (c === 'none') return { type: 'none' };
  if (c === 'required') return { type: 'any', ...noParallel };
  return { type: 'tool', name: c.function.name, ...noParallel };
}
