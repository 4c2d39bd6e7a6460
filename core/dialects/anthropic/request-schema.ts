import { z } from 'zod';
import {
  jsonObject,
  optionalBoolean,
  optionalInt,
  optionalNumber,
  optionalString,
  stringList,
} from '../body-schema.js';

// Anthropic's Messages body as its API reference documents it.

const source = z.looseObject({ type: z.string() });
const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });

const toolResultContent = z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]);

const block = z.discriminatedUnion('type', [
  textBlock,
  z.looseObject({ type: z.literal('image'), source }),
  z.looseObject({ type: z.literal('document'), source }),
  z.looseObject({ type: z.literal('tool_use'), id: z.string().min(1), name: z.string().min(1), input: jsonObject() }),
  z.looseObject({
    type: z.literal('tool_result'),
    tool_use_id: z.string().min(1),
    content: toolResultContent.nullish(),
    is_error: optionalBoolean(),
  }),
  z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: optionalString() }),
  z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() }),
]);

const message = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(block)], { error: 'expected a string or an array of content blocks' }),
});

const tool = z.looseObject({
  name: z.string().min(1),
  description: optionalString(),
  input_schema: jsonObject().nullish(),
  type: optionalString(),
});

export const anthropicRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.int().min(1),
  messages: z.array(message).min(1),
  system: z.union([z.string(), z.array(textBlock)]).nullish(),
  stream: optionalBoolean(),
  temperature: optionalNumber(0, 1),
  top_p: optionalNumber(0, 1),
  top_k: optionalInt(0),
  stop_sequences: stringList().nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: z.looseObject({ type: z.enum(['auto', 'any', 'tool', 'none']), name: optionalString() }).nullish(),
  metadata: z.looseObject({ user_id: optionalString() }).nullish(),
  thinking: z.looseObject({ type: z.string() }).nullish(),
});
