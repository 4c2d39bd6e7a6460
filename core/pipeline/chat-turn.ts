import type { ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import type { ClientChatDialect } from '../dialects/chat-dialect.js';
import type { Json } from '../dialects/request-fields.js';
import type { Exchange } from '../http/exchange.js';
import type { MaskingSession } from './masking/masking-session.js';

/**
 * One chat request on its way through the gateway: what the client sent, in which dialect, and what the stages
 * made of it. The request stages and the provider attempts all read and write this one object.
 */
export interface ChatTurn {
  readonly dialect: ClientChatDialect;
  readonly ex: Exchange;
  /** The body as the client sent it (less `anonymize`); passed through as it is when nothing needs to change it. */
  readonly body: Json;
  readonly stream: boolean;
  /** The model the client asked for, as its answer names it. */
  readonly clientModel: string;
  /** The canonical request once a stage must read or change it; null keeps the byte-for-byte pass-through. */
  canonical: ChatRequest | null;
  /** Placeholders of this request, when it is masked. */
  readonly session: MaskingSession | null;
  /** The session whose placeholders are put back into the answer (LLM_ROUTER_MASKING_WITH_RESTORE). */
  readonly restoring: MaskingSession | null;
}

/** What a turn produced: a completion to write in the client's dialect, a provider's own body, or a stream. */
export type ChatAnswer =
  | { readonly kind: 'completion'; readonly completion: ChatCompletion }
  | { readonly kind: 'raw'; readonly raw: string; readonly contentType: string }
  | { readonly kind: 'streamed' };

export const STREAMED: ChatAnswer = { kind: 'streamed' };
