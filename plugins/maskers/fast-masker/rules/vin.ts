import { rule } from '../rule.js';
import { isValidVin } from '../validators/vin.js';

export const vin = rule('VIN', /\b[A-HJ-NPR-Z0-9]{17}\b/gi, { validate: isValidVin });
