import type { GatewayError } from '../../errors/gateway-error.js';

export const openAIErrorBody = (err: GatewayError) => ({
  error: { message: err.message, type: err.type, param: err.param, code: err.code },
});
