import { invalidRequest, notCarried } from '../../errors/errors.js';
import type { ChatRequest } from '../canonical.js';
import { parseArguments, textOf } from '../canonical.js';
import type { Json } from '../request-fields.js';
import { refuseUnsupported } from '../unsupported-options.js';
import { base64Of } from './images.js';

const OPTION_MAP: ReadonlyArray<readonly [string, string]> = [
  ['temperature', 'temperature'],
  ['top_p', 'top_p'],
  ['top_k', 'top_k'],
  ['seed', 'seed'],
  ['frequency_penalty', 'frequency_penalty'],
  ['presence_penalty', 'presence_penalty'],
];

/** Canonical → Ollama `/api/chat` request. `stream` is always explicit: Ollama's own default is true. */
export function writeOllamaRequest(req: ChatRequest, stream: boolean): Json {
  refuseUnsupported(req, ['n', 'logprobs', 'top_logprobs', 'logit_bias'], 'ollama');
  const names = new Map<string, string>();
  const messages = req.messages.map((m, i) => {
    const out: Json = { role: m.role === 'developer' ? 'system' : m.role, content: textOf(m.content) };
    if (Array.isArray(m.content)) {
      const images = m.content.flatMap((p, j) => {
        if (p.type === 'text') return [];
        if (p.type !== 'image_url') throw notCarried(`a '${p.type}' part`, `messages[${i}].content[${j}]`, 'ollama');
        const b64 = base64Of(p.image_url.url);
        if (b64 === null)
          throw invalidRequest(
            "This model's provider accepts only inline (data: URL) images",
            `messages[${i}].content`,
          );
        return [b64];
      });
      if (images.length) out['images'] = images;
    }
    if (m.tool_calls?.length) {
      out['tool_calls'] = m.tool_calls.map((c) => {
        names.set(c.id, c.function.name);
        return { function: { name: c.function.name, arguments: parseArguments(c.function.arguments) } };
      });
    }
    // Ollama takes a turn's reasoning back as `thinking`.
    if (m.role === 'assistant' && m.reasoning_content) out['thinking'] = m.reasoning_content;
    if (m.role === 'tool' && m.tool_call_id && names.has(m.tool_call_id)) out['tool_name'] = names.get(m.tool_call_id);
    return out;
  });

  const out: Json = { model: req.model, messages, stream };
  const options: Json = {};
  for (const [from, to] of OPTION_MAP) if (req[from] !== undefined) options[to] = req[from];
  const max = req.max_completion_tokens ?? req.max_tokens;
  if (max !== undefined) options['num_predict'] = max;
  if (req.stop !== undefined) options['stop'] = Array.isArray(req.stop) ? req.stop : [req.stop];
  if (Object.keys(options).length) out['options'] = options;
  if (req.tools?.length) out['tools'] = req.tools;
  if (req.response_format?.type === 'json_object') out['format'] = 'json';
  else if (req.response_format?.type === 'json_schema' && req.response_format.json_schema?.schema)
    out['format'] = req.response_format.json_schema.schema;
  for (const k of ['keep_alive', 'think']) if (req[k] !== undefined) out[k] = req[k];
  return out;
}
