import { inject, singleton } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import { isObject, type Json } from '../dialects/request-fields.js';
import type { RequestScope } from '../logging/request-scope.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';
import { MaskerPipeline } from './masking/masker-pipeline.js';
import { MaskingSession } from './masking/masking-session.js';

const KEY = (id: string) => `responses:${id}`;

/**
 * Conversations of converted Responses answers, kept for `previous_response_id` (LLM_ROUTER_RESPONSES_STORE): the
 * input items and the output items, as the next request's input, in the state store (memory, or Redis for every
 * instance) for LLM_ROUTER_RESPONSES_STORE_TTL_SECONDS. This is user text at rest, so it is off by default, and a
 * conversation that was masked is stored masked: what a masker replaced is never written in clear.
 */
@singleton()
export class ResponsesStore {
  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(MaskerPipeline) private readonly masker: MaskerPipeline,
  ) {}

  get enabled(): boolean {
    return this.settings.responsesStore.enabled;
  }

  /** The items of a stored conversation; null when it is not (or no longer) here. */
  async load(id: string): Promise<Json[] | null> {
    const [value] = await this.store.get([KEY(id)]);
    if (!value) return null;
    const items = JSON.parse(value) as unknown;
    return Array.isArray(items) ? (items.filter(isObject) as Json[]) : null;
  }

  async save(scope: RequestScope, id: string, items: Json[], masked: boolean, model: string): Promise<void> {
    const record: Json = { items };
    if (masked) await this.masker.maskPayload(scope, record, new MaskingSession(), model);
    await this.store.put(KEY(id), JSON.stringify(record['items']), this.settings.responsesStore.ttlMs);
  }
}

/** A Responses `input` as a list of items (a string is one user message). */
export function inputItems(input: unknown): Json[] {
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  return Array.isArray(input) ? input.filter(isObject) : [];
}

/** Output items as the next request's input: messages and function calls are input items as they are. */
export function outputItems(response: Json): Json[] {
  const output = Array.isArray(response['output']) ? response['output'].filter(isObject) : [];
  return output.filter((o) => o['type'] === 'message' || o['type'] === 'function_call');
}
