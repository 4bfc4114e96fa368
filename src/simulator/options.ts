/** Option defaults and validation: a bad option fails at start with one clear message. */
import { hexFor, SALT } from './data/prng';
import type { RateLimitSetting, SimulatorAccessKeys, SimulatorCredentials, SimulatorOptions } from './types';

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  imageCount: number;
  region: string;
  projectId: string;
  credentials: SimulatorCredentials;
  accessKeys: SimulatorAccessKeys;
  tokenTtlMs: number;
  rateLimits: RateLimitSetting;
  scanDurationMs: number;
}

export const DEFAULT_CREDENTIALS: SimulatorCredentials = {
  domain: 'demo-domain',
  user: 'demo-user',
  password: 'demo-password',
};
/** Fixed, so a gateway can be pointed at any simulator run; not secrets of anything real. */
export const DEFAULT_ACCESS_KEYS: SimulatorAccessKeys = {
  permanent: { accessKey: 'SIMULATORAK000000001', secretKey: 'simulator-secret-key-0000000000000000001' },
  temporary: {
    accessKey: 'SIMULATORSTS00000001',
    secretKey: 'simulator-temporary-secret-key-00000001',
    securityToken: 'simulator-security-token-gQpjbi1ub3J0aC00LmV4YW1wbGU',
  },
};
/** The software index packs (image, position) into 32 bits: 256 positions per image. */
const MAX_IMAGES = 5_000_000;

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`simulator option ${name} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const seed = integerIn('seed', options.seed ?? 1, 0, 0xffffffff);
  const region = options.region ?? 'cn-north-4';
  if (!/^[a-z0-9-]+$/.test(region))
    throw new RangeError(`simulator option region is not a region id: ${region}`);
  return {
    port: integerIn('port', options.port ?? 0, 0, 65535),
    host: options.host ?? '127.0.0.1',
    seed,
    imageCount: integerIn('imageCount', options.imageCount ?? 300, 0, MAX_IMAGES),
    region,
    projectId: options.projectId ?? hexFor(4, seed, SALT.projectId),
    credentials: { ...(options.credentials ?? DEFAULT_CREDENTIALS) },
    accessKeys: structuredClone(options.accessKeys ?? DEFAULT_ACCESS_KEYS),
    tokenTtlMs: integerIn('tokenTtlMs', options.tokenTtlMs ?? 24 * 3_600_000, 1, Number.MAX_SAFE_INTEGER),
    rateLimits: options.rateLimits ?? false,
    scanDurationMs: integerIn('scanDurationMs', options.scanDurationMs ?? 2000, 0, Number.MAX_SAFE_INTEGER),
  };
}
