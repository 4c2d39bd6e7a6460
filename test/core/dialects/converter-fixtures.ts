import type { ChatRequest } from '../../../core/dialects/canonical.js';

export const user = (content: ChatRequest['messages'][number]['content']) => ({ role: 'user' as const, content });
export const req = (messages: ChatRequest['messages'], more: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'm',
  messages,
  ...more,
});
export const WEATHER = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather now',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};
export const CALL = {
  id: 'call_1',
  type: 'function' as const,
  function: { name: 'get_weather', arguments: '{"city":"Warsaw"}' },
};
export const PNG = 'data:image/png;base64,iVBORw0KGgo=';
