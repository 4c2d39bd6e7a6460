export { LLMRouterClient, type ClientOptions } from './llm-router-client.js';
export { AuthenticationError, LLMRouterError, RateLimitError, TimeoutError, ValidationError } from './errors.js';
export type * from './types.js';
