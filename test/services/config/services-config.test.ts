import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadServicesConfig } from '../../../services/config/services-config.js';

// A config with no models, so nothing has to be built for it.
const NO_MODELS = join(mkdtempSync(join(tmpdir(), 'llm-router-services-')), 'services.json');
writeFileSync(NO_MODELS, JSON.stringify({ guardrails: {} }));

describe('sidecar configuration', () => {
  it('listens on 127.0.0.1 unless told otherwise, like the gateway', () => {
    assert.equal(loadServicesConfig({ LLM_ROUTER_SERVICES_CONFIG: NO_MODELS }).host, '127.0.0.1');
    assert.equal(
      loadServicesConfig({ LLM_ROUTER_SERVICES_CONFIG: NO_MODELS, LLM_ROUTER_API_HOST: '0.0.0.0' }).host,
      '0.0.0.0',
    );
  });
});
