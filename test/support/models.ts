/** A models config whose every provider type points at one fake upstream; model_path names the behaviour. */
export const PROVIDER_TYPES = ['openai', 'vllm', 'lmstudio', 'llama.cpp', 'ollama', 'anthropic'] as const;
export type ProviderTypeName = (typeof PROVIDER_TYPES)[number];

export const chatModel = (type: ProviderTypeName, behaviour = 'ok') => `${behaviour}-${type}`;

export function fakeModelsConfig(upstreamUrl: string, extra: Record<string, unknown> = {}) {
  const group: Record<string, unknown> = {};
  const provider = (id: string, type: string, modelPath: string, more: object = {}) => ({
    id,
    api_host: upstreamUrl,
    api_type: type,
    api_token: 'secret-token',
    model_path: modelPath,
    tool_calling: true,
    ...more,
  });
  for (const type of PROVIDER_TYPES) {
    for (const behaviour of [
      'ok',
      'cached',
      'reject',
      'toolong',
      'explode',
      'slow',
      'cut',
      'dribble',
      'garbage',
      'echo',
    ]) {
      const name = chatModel(type, behaviour);
      group[name] = { providers: [provider(`${name}-p`, type, `upstream-${behaviour}-${type}`)] };
    }
    group[`embed-${type}`] = {
      providers: [provider(`embed-${type}-p`, type, `upstream-embed-${type}`, { is_embedding: true })],
    };
  }
  group['no-tools-openai'] = {
    providers: [provider('no-tools-p', 'openai', 'upstream-ok-notools', { tool_calling: false })],
  };
  group['unreachable'] = { providers: [{ id: 'dead-p', api_host: 'http://127.0.0.1:9', api_type: 'openai' }] };
  Object.assign(group, extra);
  return { fake: group, active_models: { fake: Object.keys(group) } };
}
