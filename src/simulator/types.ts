/** Public types of the simulator (re-exported by index.ts). */
import type { SimulatorDataset } from './data/dataset';

export interface SimulatorCredentials {
  domain: string;
  user: string;
  password: string;
}

export interface SimulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 1; the same seed and size give byte-identical data. */
  seed?: number;
  /** Registry images; default 300. Scales to 50,000 (~1M software records) without eager materialisation. */
  imageCount?: number;
  /** Default 'cn-north-4'; also the IAM project name. */
  region?: string;
  /** Default: 32 hex derived from the seed. */
  projectId?: string;
  /** Default { domain: 'demo-domain', user: 'demo-user', password: 'demo-password' }. */
  credentials?: SimulatorCredentials;
  /** Default 24 h. */
  tokenTtlMs?: number;
  /** Default false; true = the documented HSS limit of 5 calls/min per user per API. */
  rateLimits?: RateLimitSetting;
  /** batch-scan: `scanning` → final status after this delay. Default 2000. */
  scanDurationMs?: number;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  region: string;
  projectId: string;
  credentials: SimulatorCredentials;
  control: SimulatorControl;
  /** Closes the server and every open socket (hung requests included). */
  stop(): Promise<void>;
}

export const SIMULATOR_ROUTE_IDS = [
  'iam.createToken',
  'iam.listProjects',
  'hss.listRegistryImages',
  'hss.listGlobalImageApps',
  'hss.listImageApps',
  'hss.showImageFilesStat',
  'hss.batchScanSwrImage',
  'swr.listSharedRepositories',
  'workspace.listProductImages',
  'hss.listImageVulnerabilities',
  'hss.listGeneralImageVuls',
  'hss.listVulnerabilityCve',
  'hss.listVulAffectImages',
  'hss.listVulAffectImageApps',
  'hss.listImageRiskConfigs',
  'hss.listImageRiskConfigRules',
  'hss.listCicdImages',
  'hss.listImageLocal',
  'hss.listLocalImageAppInfo',
] as const;
export type SimulatorRouteId = (typeof SIMULATOR_ROUTE_IDS)[number];

export type LatencySpec = { fixedMs: number } | { minMs: number; maxMs: number };

export type FaultSpec =
  /** e.g. 500/503 with a documented body; `errorCode` defaults by status and service. */
  | { kind: 'status'; status: number; errorCode?: string; errorMsg?: string }
  /** 429 APIGW.0308 with the documented body. */
  | { kind: 'rateLimit' }
  /** Accept the request and never answer (until stop). */
  | { kind: 'hang' }
  /** Destroy the socket without a response. */
  | { kind: 'reset' }
  /** 200 with a truncated, invalid JSON body. */
  | { kind: 'malformedJson' }
  /** 200 with valid JSON of an unexpected shape. */
  | { kind: 'wrongShape' }
  /** 401 APIGW.0307 as for an expired token. */
  | { kind: 'tokenExpired' };

export interface FaultOptions {
  /** How many requests the fault applies to; default Infinity. */
  times?: number;
  /** Chance (0–1) that a matching request is faulted; default 1. Misses do not use up `times`. */
  probability?: number;
}

/** `perMinute` calls per window; the window is the documented 60 s unless `windowMs` shortens it. */
export type RateLimitSetting = boolean | { perMinute: number; windowMs?: number };

export interface SimulatorControl {
  /** Requests received per route (faulted and rejected ones included; control routes excluded). */
  callCounts(): Partial<Record<SimulatorRouteId, number>>;
  /** Sum of counts whose route id starts with `prefix` (all when omitted), e.g. `totalCalls('hss.')`. */
  totalCalls(prefix?: string): number;
  resetCallCounts(): void;
  /** Route-specific latency wins over '*'; null removes. */
  setLatency(route: SimulatorRouteId | '*', latency: LatencySpec | null): void;
  /** Route-specific faults are tried before '*' ones; among each, in injection order. */
  injectFault(route: SimulatorRouteId | '*', fault: FaultSpec, opts?: FaultOptions): void;
  clearFaults(): void;
  setRateLimits(setting: RateLimitSetting): void;
  rateLimitsEnabled(): boolean;
  /** Times of the calls the rate limit admitted, per route, since the last `resetCallCounts`. */
  admittedCallTimes(): Partial<Record<SimulatorRouteId, number[]>>;
  /** Calls answered 429 by the rate limit, per route, since the last `resetCallCounts`. */
  throttledCounts(): Partial<Record<SimulatorRouteId, number>>;
  /** Every token issued so far now gets 401 APIGW.0307. */
  revokeTokens(): void;
  /** Lifetime of tokens issued from now on. */
  setTokenTtlMs(ms: number): void;
  dataset: SimulatorDataset;
}
