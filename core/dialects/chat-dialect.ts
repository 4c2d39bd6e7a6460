import type { ChatCompletion, ChatRequest } from './canonical.js';
import type { Operation, ProtocolFamily } from './protocol.js';
import type { Json } from './request-fields.js';
import type { StreamDecoder, StreamEncoder } from './stream-codec.js';

/** How a client speaks chat: read its requests, write answers and streams back in its shape. */
export interface ClientChatDialect {
  readonly name: string;
  /** The provider family that can take this dialect's bodies unchanged, and with which operation. */
  readonly family: ProtocolFamily;
  readonly operation: Operation;
  readonly streamContentType: string;
  /** Checks a body that will be passed through unchanged; throws a 400 naming the field. */
  validate(body: Json): void;
  /** Decodes (and checks) a body into the canonical request. */
  read(body: Json): ChatRequest;
  write(result: ChatCompletion, request: Json): unknown;
  streamEncoder(request: Json): StreamEncoder;
}

/** How a provider family speaks chat. */
export interface ProviderChatDialect {
  readonly family: ProtocolFamily;
  write(request: ChatRequest, stream: boolean): Json;
  /** Null when the body is not a completion in this family's shape. */
  read(body: unknown): ChatCompletion | null;
  streamDecoder(): StreamDecoder;
}
