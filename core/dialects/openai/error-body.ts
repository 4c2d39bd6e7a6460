import type { GatewayError } from '../../errors/gateway-error.js';

/** A backend's rejection keeps the backend's code and type: OpenAI clients branch on `context_length_exceeded`. */
export const openAIErrorBody = (err: GatewayError) => ({
  error: {
    message: err.message,
    type: err.upstream?.type ?? err.type,
    param: err.param,
    code: err.upstream?.code ?? err.code,
  },
});
