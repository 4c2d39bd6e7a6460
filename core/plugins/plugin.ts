import type { ChatRequest } from '../dialects/canonical.js';
import type { MaskingSession } from '../pipeline/masking/masking-session.js';

/** The request a plugin works for: its id goes with any call the plugin makes (sidecars log it). */
export interface PluginContext {
  readonly requestId: string;
}

export type PluginKind = 'masker' | 'guardrail' | 'utils';

/**
 * A masker replaces sensitive values in the texts of one request with placeholders from the session.
 * It gets every text of the request at once (so a sidecar can take them in one call) and returns them
 * in the same order. It keeps nothing about the request on `this`.
 */
export interface MaskerPlugin {
  apply(texts: readonly string[], session: MaskingSession, ctx: PluginContext): Promise<string[]> | string[];
}

/** A guardrail's verdict on the texts of a request or an answer. */
export interface GuardVerdict {
  readonly safe: boolean;
  /** What was found (e.g. `prompt_injection`, `hate`); named in the client's error. */
  readonly category?: string;
  readonly score?: number;
}

/** A guardrail looks at the texts users and tools wrote (never keys or the whole payload). */
export interface GuardrailPlugin {
  apply(texts: readonly string[], ctx: PluginContext): Promise<GuardVerdict> | GuardVerdict;
}

/** What a utils plugin may tell the client about its work: a response header (`x-llm-router-<name>`). */
export interface UtilsContext extends PluginContext {
  note(name: string, value: string): void;
  /**
   * Texts as they may leave the gateway for a service (a remote embedder): masked with the request's own
   * session when the request is masked (the same placeholders its payload gets), unchanged otherwise.
   */
  outbound(texts: readonly string[]): Promise<readonly string[]>;
}

/** A utils plugin rewrites a canonical request before guardrails and masking see it (RAG, routing). */
export interface UtilsPlugin {
  /** Start-up work that must finish before the first request (loading an index, embedding targets). */
  prepare?(): Promise<void>;
  /**
   * On a reload (SIGHUP, POST /api/admin/reload): read again what can change while the gateway runs (a rebuilt
   * index). Throws to keep what it has; requests in flight must be able to finish on the old state.
   */
  reload?(): Promise<void>;
  apply(request: ChatRequest, ctx: UtilsContext): Promise<ChatRequest> | ChatRequest;
}

/** A plugin class: found by being in `plugins/<kind>s/`, named in env lists by its static `id`. */
export interface PluginClass<P = unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: tsyringe's constructor type takes any[] arguments
  new (...args: any[]): P;
  readonly id: string;
  readonly kind: PluginKind;
}
