import { z } from 'zod';
import {
  jsonObject,
  optionalBoolean,
  optionalInt,
  optionalNumber,
  optionalString,
  stringList,
} from '../body-schema.js';

// Ollama's /api/chat body as its API documentation describes it.

const toolCall = z.looseObject({
  function: z.looseObject({ name: z.string().min(1), arguments: jsonObject() }),
});

const message = z.looseObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: optionalString(),
  images: stringList().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  thinking: optionalString(),
  tool_name: optionalString(),
});

const tool = z.looseObject({
  type: z.string(),
  function: z.looseObject({
    name: z.string().min(1),
    description: optionalString(),
    parameters: jsonObject().nullish(),
  }),
});

const options = z.looseObject({
  temperature: optionalNumber(0, 100),
  top_p: optionalNumber(0, 1),
  top_k: optionalInt(0),
  min_p: optionalNumber(0, 1),
  num_predict: optionalInt(-2),
  num_ctx: optionalInt(1),
  seed: z.int().nullish(),
  stop: stringList().nullish(),
  repeat_penalty: optionalNumber(0, 100),
  presence_penalty: optionalNumber(-100, 100),
  frequency_penalty: optionalNumber(-100, 100),
});

export const ollamaChatSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message),
  stream: optionalBoolean(),
  format: z.union([z.string(), jsonObject()]).nullish(),
  options: options.nullish(),
  tools: z.array(tool).nullish(),
  keep_alive: z.union([z.string(), z.number()]).nullish(),
  think: z.union([z.boolean(), z.string()]).nullish(),
});
