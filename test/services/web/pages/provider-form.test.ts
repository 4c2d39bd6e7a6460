import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerFromForm } from '../../../../services/web/pages/provider-form.js';

const PREVIOUS = {
  id: 'p',
  api_host: 'http://h:1',
  api_type: 'vllm',
  api_token: 'sk-old',
  weight: 0.5,
  future_field: 7,
};

describe('providerFromForm', () => {
  it('keeps the token when its field is left empty, replaces it when one is typed, removes it when asked', () => {
    const base = { id: 'p', api_host: 'http://h:1', api_type: 'vllm', weight: '0.5' };
    assert.equal(
      (providerFromForm({ ...base, api_token: '' }, PREVIOUS) as Record<string, unknown>)['api_token'],
      'sk-old',
    );
    assert.equal(
      (providerFromForm({ ...base, api_token: 'sk-new' }, PREVIOUS) as Record<string, unknown>)['api_token'],
      'sk-new',
    );
    assert.equal(
      (providerFromForm({ ...base, api_token_clear: '1' }, PREVIOUS) as Record<string, unknown>)['api_token'],
      '',
    );
  });

  it('turns numbers and flags into JSON values, drops emptied fields, keeps fields it does not show', () => {
    const next = providerFromForm(
      {
        id: ' p ',
        api_host: 'http://h:1',
        api_type: 'ollama',
        input_size: '4096',
        weight: '',
        tool_calling: '1',
        keep_alive: '35m',
      },
      PREVIOUS,
    );
    assert.deepEqual(next, {
      id: 'p',
      api_host: 'http://h:1',
      api_type: 'ollama',
      api_token: 'sk-old',
      input_size: 4096,
      keep_alive: '35m',
      tool_calling: true,
      future_field: 7,
    });
  });

  it('names the field that is not a number', () => {
    assert.deepEqual(providerFromForm({ id: 'p', api_host: 'h', api_type: 'vllm', input_size: '4k' }, null), {
      wrong: 'input_size',
    });
    assert.deepEqual(providerFromForm({ id: 'p', api_host: 'h', api_type: 'vllm', max_connections: '1.5' }, null), {
      wrong: 'max_connections',
    });
  });
});
