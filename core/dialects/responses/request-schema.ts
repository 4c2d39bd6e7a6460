import { z } from 'zod';
import { jsonObject, optionalBoolean, optionalInt, optionalNumber, optionalString } from '../body-schema.js';

// The Responses API body as OpenAI's reference documents it (the item types a chat backend can be given).

const part = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('input_text'), text: z.string() }),
  z.looseObject({ type: z.literal('output_text'), text: z.string() }),
  z.looseObject({
    type: z.literal('input_image'),
    image_url: z.union([z.string(), z.looseObject({ url: z.string() })]).nullish(),
    file_id: optionalString(),
  }),
  z.looseObject({ type: z.literal('input_file') }),
  z.looseObject({ type: z.literal('refusal'), refusal: z.string() }),
]);

const message = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(part)], { error: 'expected a string or an array of content parts' }),
});

const item = z.union([
  message,
  z.looseObject({
    type: z.literal('function_call'),
    call_id: z.string().min(1),
    name: z.string().min(1),
    arguments: z.string(),
  }),
  z.looseObject({ type: z.literal('function_call_output'), call_id: z.string().min(1), output: z.unknown() }),
  z.looseObject({ type: z.enum(['reasoning', 'item_reference']) }),
]);

export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(item)], { error: 'expected a string or an array of items' }),
  instructions: optionalString(),
  stream: optionalBoolean(),
  temperature: optionalNumber(0, 2),
  top_p: optionalNumber(0, 1),
  max_output_tokens: optionalInt(1),
  tools: z.array(z.looseObject({ type: z.string(), name: optionalString() })).nullish(),
  tool_choice: z.union([z.string(), jsonObject()]).nullish(),
  parallel_tool_calls: optionalBoolean(),
  text: z.looseObject({ format: z.looseObject({ type: z.string() }).nullish() }).nullish(),
  reasoning: jsonObject().nullish(),
  metadata: jsonObject().nullish(),
  user: optionalString(),
  previous_response_id: optionalString(),
  store: optionalBoolean(),
});
