import winston from 'winston';
import type { Settings } from '../config/settings.js';
import { redactSecrets } from '../errors/secrets.js';

export type Logger = winston.Logger;
export const LOGGER = Symbol('Logger');

// No configured provider token reaches a log line, whatever wrote it (messages and string metadata alike).
const withoutSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const value = info[key];
    if (typeof value === 'string') info[key] = redactSecrets(value);
  }
  return info;
});

const textLine = winston.format.printf((info) => {
  const rid = info['request_id'] ? ` [${String(info['request_id'])}]` : '';
  const { level, message, timestamp, request_id: _rid, ...rest } = info as Record<string, unknown>;
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return `${String(timestamp)} ${String(level).toUpperCase()}${rid} ${String(message)}${extra}`;
});

export function createLogger(log: Settings['log']): Logger {
  const format = winston.format.combine(
    withoutSecrets(),
    winston.format.timestamp(),
    log.json ? winston.format.json() : textLine,
  );
  const transports: winston.transport[] = [new winston.transports.Console({ stderrLevels: ['error', 'warn'] })];
  if (log.file) transports.push(new winston.transports.File({ filename: log.file }));
  return winston.createLogger({ level: log.level, format, transports });
}
