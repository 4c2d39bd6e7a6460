import { z } from 'zod';
import {
  jsonObject,
  optionalBoolean,
  optionalInt,
  optionalNumber,
  optionalString,
  stringList,
} from '../body-schema.js';

// OpenAI's chat-completions body as its API reference documents it, with vLLM's part types.

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

const part = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text'), text: z.string() }),
  z.looseObject({
    type: z.literal('image_url'),
    image_url: z.looseObject({ url: z.string().min(1), detail: optionalString() }),
  }),
  z.looseObject({ type: z.literal('input_audio'), input_audio: z.looseObject({ data: z.string() }) }),
  z.looseObject({ type: z.literal('file'), file: jsonObject() }),
  z.looseObject({ type: z.literal('refusal'), refusal: z.string() }),
  z.looseObject({ type: z.literal('video_url'), video_url: z.looseObject({ url: z.string().min(1) }) }),
  z.looseObject({ type: z.literal('audio_url'), audio_url: z.looseObject({ url: z.string().min(1) }) }),
]);

export const content = () =>
  z.union([z.string(), z.array(part)], { error: 'expected a string or an array of content parts' }).nullish();

const toolCall = z.looseObject({
  id: optionalString(),
  type: z.literal('function').optional(),
  function: z.looseObject({ name: z.string().min(1), arguments: z.string() }),
});

const message = z.looseObject({
  role: z.enum(ROLES),
  content: content(),
  name: optionalString(),
  tool_calls: z.array(toolCall).nullish(),
  tool_call_id: optionalString(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
});

const functionDefinition = z.looseObject({
  name: z.string().min(1),
  description: optionalString(),
  parameters: jsonObject().nullish(),
  strict: optionalBoolean(),
});

const tool = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('function'), function: functionDefinition }),
  z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string().min(1) }) }),
]);

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string() }).optional() }),
]);

export const openAIChatSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: optionalBoolean(),
  stream_options: jsonObject().nullish(),
  temperature: optionalNumber(0, 2),
  top_p: optionalNumber(0, 1),
  n: optionalInt(1, 128),
  max_tokens: optionalInt(1),
  max_completion_tokens: optionalInt(1),
  presence_penalty: optionalNumber(-2, 2),
  frequency_penalty: optionalNumber(-2, 2),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  logprobs: optionalBoolean(),
  top_logprobs: optionalInt(0, 20),
  seed: z.int().nullish(),
  stop: z.union([z.string(), stringList()]).nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: optionalBoolean(),
  functions: z.array(functionDefinition).nullish(),
  function_call: z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string() })]).nullish(),
  response_format: z.looseObject({ type: z.enum(['text', 'json_object', 'json_schema']) }).nullish(),
  user: optionalString(),
  metadata: jsonObject().nullish(),
  store: optionalBoolean(),
  reasoning_effort: optionalString(),
  modalities: stringList().nullish(),
  service_tier: optionalString(),
});
