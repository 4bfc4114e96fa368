import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The client's own credential to the gateway (not a Huawei one, which clients never see): when API keys
 * are configured, a request must carry `Authorization: Bearer <key>`. SHA-256 digests are compared, not
 * the keys: digests all have one length, so the comparison's timing reveals neither a key's length nor
 * which key matched.
 */
export function createApiKeyCheck(apiKeys: readonly string[]): (request: IncomingMessage) => boolean {
  if (apiKeys.length === 0) return () => true;
  const keys = apiKeys.map(digest);
  return (request) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) return false;
    const presented = digest(match[1].trim());
    // Check every key so timing does not reveal which one (or how many) exist.
    let accepted = false;
    for (const key of keys) {
      if (timingSafeEqual(key, presented)) accepted = true;
    }
    return accepted;
  };
}
