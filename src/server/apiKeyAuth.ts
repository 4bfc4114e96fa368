import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The client's own credential to the gateway (not a Huawei one, which clients never see): when API keys
 * are configured, a request must carry `Authorization: Bearer <key>`. Compared in constant time.
 */
export function createApiKeyCheck(apiKeys: readonly string[]): (request: IncomingMessage) => boolean {
  if (apiKeys.length === 0) return () => true;
  const keys = apiKeys.map((key) => Buffer.from(key, 'utf8'));
  return (request) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) return false;
    const presented = Buffer.from(match[1].trim(), 'utf8');
    // Check every key so timing does not reveal which one (or how many) exist.
    let accepted = false;
    for (const key of keys) {
      if (key.length === presented.length && timingSafeEqual(key, presented)) accepted = true;
    }
    return accepted;
  };
}
