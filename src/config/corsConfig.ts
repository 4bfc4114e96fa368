import { ConfigError } from './configError';
import type { EnvReader } from './readEnv';

export interface CorsConfig {
  /** Exact browser origins allowed to call the gateway; empty: no cross-origin access at all. */
  origins: readonly string[];
  /** Whether browsers may send cookies/HTTP auth cross-origin (never needed for `Authorization: Bearer`). */
  credentials: boolean;
}

/** `GATEWAY_CORS_ORIGINS`: comma-separated origins such as `https://console.example.com`, checked at start. */
export function readCorsConfig(read: EnvReader): CorsConfig {
  const origins = (read.list('GATEWAY_CORS_ORIGINS') ?? []).map((value) => {
    if (!isOrigin(value)) {
      throw new ConfigError(
        'GATEWAY_CORS_ORIGINS',
        `"${value}" is not an origin like https://console.example.com (scheme, host, optional port; no path, no *)`,
      );
    }
    return value;
  });
  return { origins, credentials: read.boolean('GATEWAY_CORS_CREDENTIALS', false) };
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
