// What a plugin may use of the core, besides the interfaces in plugin.ts: plugins import only core/plugins/
// (a lint rule keeps it so), so this file is the whole surface the core offers them.
export { SETTINGS, type Settings } from '../config/settings.js';
export type { ChatMessage, ChatRequest } from '../dialects/canonical.js';
export { textOf } from '../dialects/canonical.js';
export { StartupError } from '../errors/startup-error.js';
export { Lifecycle } from '../lifecycle/lifecycle.js';
export { LOGGER, type Logger } from '../logging/logger.js';
export { METRICS, type Metrics } from '../metrics/metrics.js';
export { type MaskingSession, PLACEHOLDER } from '../pipeline/masking/masking-session.js';
export { ChunkCollection } from '../retrieval/chunk-collection.js';
export type { Embedder } from '../retrieval/embedder.js';
export { FlatIndex } from '../retrieval/flat-index.js';
export { openEmbedder } from '../retrieval/open-embedder.js';
export { textWindows } from '../retrieval/text-windows.js';
export { SidecarClient, SidecarUnavailable, sidecarHost } from '../sidecars/sidecar-client.js';
export { lastStatement, routingText, type Statement } from './request-text.js';
