/** Which admission window limits a call: its API's own, else its service's, else none (IAM). */
import type { UpstreamCall } from '../../upstreamCall';
import type { WindowLimit } from '../state/contracts';

/** Keyed by API name (`hss.listImageApps`) or service name (`hss`); `null` means "not limited". */
export type QuotaLimits = Readonly<Record<string, WindowLimit | null>>;

export function limitOf(
  limits: QuotaLimits,
  call: Pick<UpstreamCall, 'api' | 'service'>,
): WindowLimit | null {
  const limit = Object.hasOwn(limits, call.api) ? limits[call.api] : limits[call.service];
  return limit ?? null;
}

/** Rejects a limit that could never admit anything, at start rather than on the first call. */
export function checkQuotaLimits(limits: QuotaLimits): void {
  for (const [name, limit] of Object.entries(limits)) {
    if (limit === null) continue;
    if (!(Number.isInteger(limit.calls) && limit.calls >= 1) || !(limit.windowMs > 0)) {
      throw new RangeError(
        `quota limit ${name}: ${limit.calls} calls per ${limit.windowMs} ms is not a limit`,
      );
    }
  }
}

/**
 * How long `runsAhead` queued warm-ups take at the background rate: of each window's calls, `reserve` stay
 * free for client requests, so background work gets the rest (at least one).
 */
export function backgroundWaitMs(limit: WindowLimit, reserve: number, runsAhead: number): number {
  return (runsAhead * limit.windowMs) / Math.max(1, limit.calls - reserve);
}
