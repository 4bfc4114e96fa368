/** The in-process control surface (`RunningSimulator.control`). */
import type { TokenStore } from './auth';
import type { CallCounter } from './callCounter';
import type { Dataset } from './data/dataset';
import type { FaultInjector } from './faults';
import type { LatencyTable } from './latency';
import type { RateLimiter } from './rateLimit';
import type {
  FaultOptions,
  FaultSpec,
  LatencySpec,
  RateLimitSetting,
  SimulatorControl,
  SimulatorRouteId,
} from './types';

export interface SimulatorState {
  dataset: Dataset;
  calls: CallCounter;
  latency: LatencyTable;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  tokens: TokenStore;
}

export function createControl(state: SimulatorState): SimulatorControl {
  return {
    callCounts: () => state.calls.snapshot(),
    totalCalls: (prefix?: string) => state.calls.total(prefix),
    resetCallCounts: () => {
      state.calls.reset();
      state.rateLimiter.resetLog();
    },
    setLatency: (route: SimulatorRouteId | '*', latency: LatencySpec | null) =>
      state.latency.set(route, latency),
    injectFault: (route: SimulatorRouteId | '*', fault: FaultSpec, opts?: FaultOptions) =>
      state.faults.inject(route, fault, opts),
    clearFaults: () => state.faults.clear(),
    setRateLimits: (setting: RateLimitSetting) => state.rateLimiter.configure(setting),
    rateLimitsEnabled: () => state.rateLimiter.enabled,
    admittedCallTimes: () => state.rateLimiter.admittedTimes(),
    throttledCounts: () => state.rateLimiter.throttledCounts(),
    revokeTokens: () => state.tokens.revokeAll(),
    setTokenTtlMs: (ms: number) => {
      if (!Number.isFinite(ms) || ms <= 0) throw new RangeError('token TTL must be a positive number of ms');
      state.tokens.setTtlMs(ms);
    },
    dataset: state.dataset,
  };
}
