import type { GatewayError } from '../../errors/gateway-error.js';

export const ollamaErrorBody = (err: GatewayError) => ({ error: err.message });
