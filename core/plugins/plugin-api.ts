// What a plugin may use of the core, besides the interfaces in plugin.ts: plugins import only core/plugins/
// (a lint rule keeps it so), so this file is the whole surface the core offers them.
export { SETTINGS, type Settings } from '../config/settings.js';
export { StartupError } from '../errors/startup-error.js';
export { type MaskingSession, PLACEHOLDER } from '../pipeline/masking/masking-session.js';
export { SidecarClient, SidecarUnavailable, sidecarHost } from '../sidecars/sidecar-client.js';
