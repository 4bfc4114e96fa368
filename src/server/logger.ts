import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/config';

/**
 * Paths that may hold a secret anywhere a log call puts them. pino censors them before serialization,
 * so a token or password never reaches a log line even when someone logs a whole request.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'headers.authorization',
  'headers["x-auth-token"]',
  'headers["x-subject-token"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-auth-token"]',
  '*.headers["x-subject-token"]',
  'credentials',
  '*.credentials',
  // AK/SK credentials: the secret key and a temporary key's security token.
  'secretKey',
  '*.secretKey',
  'securityToken',
  '*.securityToken',
  'headers["x-security-token"]',
  '*.headers["x-security-token"]',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'image-graph-gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
