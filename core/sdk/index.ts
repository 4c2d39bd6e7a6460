export { AuthenticationError, LLMRouterError, RateLimitError, TimeoutError, ValidationError } from './errors.js';
export { type ClientOptions, LLMRouterClient } from './llm-router-client.js';
export type * from './types.js';
