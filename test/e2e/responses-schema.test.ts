import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { chatModel } from '../support/models.js';
import { useStack } from '../support/stack.js';

// Every Response object and stream event of the conversion path, checked against the Open Responses schema
// (test/data/openresponses, vendored): a field missing or of the wrong type fails here.
const COMPONENTS = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'data', 'openresponses', 'components.json'), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'openresponses', components: { schemas: COMPONENTS } });
const schema = (name: string) => {
  const validate = ajv.getSchema(`openresponses#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
};

const EVENT_SCHEMAS: Record<string, string> = {
  'response.created': 'ResponseCreatedStreamingEvent',
  'response.in_progress': 'ResponseInProgressStreamingEvent',
  'response.completed': 'ResponseCompletedStreamingEvent',
  'response.failed': 'ResponseFailedStreamingEvent',
  'response.incomplete': 'ResponseIncompleteStreamingEvent',
  'response.output_item.added': 'ResponseOutputItemAddedStreamingEvent',
  'response.output_item.done': 'ResponseOutputItemDoneStreamingEvent',
  'response.content_part.added': 'ResponseContentPartAddedStreamingEvent',
  'response.content_part.done': 'ResponseContentPartDoneStreamingEvent',
  'response.output_text.delta': 'ResponseOutputTextDeltaStreamingEvent',
  'response.output_text.done': 'ResponseOutputTextDoneStreamingEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaStreamingEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneStreamingEvent',
  error: 'ErrorStreamingEvent',
};

function assertValid(name: string, value: unknown, where: string): void {
  const validate = schema(name);
  assert.ok(validate(value), `${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 600)}`);
}

const stack = useStack();
const CONVERTED = ['lmstudio', 'llama.cpp', 'anthropic', 'ollama'] as const;
const weather = {
  type: 'function',
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

async function post(body: object): Promise<Response> {
  return fetch(`${stack.gateway.url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function events(body: object): Promise<Array<Record<string, unknown>>> {
  const text = await (await post({ ...body, stream: true })).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
}

describe('Responses through chat conversion match the Responses API schema', () => {
  for (const type of CONVERTED) {
    it(`response objects via ${type}: text and a function call`, async () => {
      for (const body of [
        { model: chatModel(type), input: 'Hi', instructions: 'Be kind', temperature: 0.3 },
        { model: chatModel(type), input: 'Weather?', tools: [weather] },
      ]) {
        const res = await post(body);
        assert.equal(res.status, 200);
        const object = (await res.json()) as Record<string, unknown>;
        assertValid('ResponseResource', object, `${type} ${JSON.stringify(body).slice(0, 60)}`);
        assert.equal(object['model'], chatModel(type));
      }
    });

    it(`every stream event via ${type}: text and a function call`, async () => {
      for (const body of [
        { model: chatModel(type), input: 'Hi' },
        { model: chatModel(type), input: 'Weather?', tools: [weather] },
      ]) {
        const all = await events(body);
        assert.ok(all.length > 3);
        for (const e of all) {
          const name = EVENT_SCHEMAS[String(e['type'])];
          assert.ok(name, `an event type the API does not have: ${e['type']}`);
          assertValid(name, e, `${type} ${e['type']}`);
        }
        assert.equal(all.at(-1)!['type'], 'response.completed');
      }
    });
  }

  it('an error mid-stream is an error event of the schema', async () => {
    const all = await events({ model: chatModel('lmstudio', 'cut'), input: 'Hi' });
    const last = all.at(-1)!;
    assert.equal(last['type'], 'error');
    assertValid('ErrorStreamingEvent', last, 'error');
  });

  it('a passed-through answer names the model the client asked for', async () => {
    const object = (await (await post({ model: chatModel('openai'), input: 'Hi' })).json()) as Record<string, unknown>;
    assert.equal(object['model'], chatModel('openai'));
  });
});
