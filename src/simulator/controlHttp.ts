/**
 * The control API over HTTP, under `/__simulator/` (a prefix no real API uses). Not counted, no token.
 * JSON bodies mirror the in-process `SimulatorControl`:
 *
 *   GET    /__simulator/info               → { region, projectId, credentials, imageCount, rateLimits, summary }
 *   GET    /__simulator/calls              → { counts: {route: n}, total }
 *   POST   /__simulator/calls/reset
 *   POST   /__simulator/latency            { route: RouteId | '*', latency: LatencySpec | null }
 *   POST   /__simulator/faults             { route, fault: FaultSpec, times?, probability? }
 *   DELETE /__simulator/faults
 *   GET    /__simulator/rate-limits        → { enabled, perMinute }
 *   POST   /__simulator/rate-limits        { enabled: boolean, perMinute?: number }  (or a bare true/false/{perMinute})
 *   POST   /__simulator/tokens/revoke
 *   POST   /__simulator/tokens/ttl         { ttlMs: number }
 *
 * Success answers 200 `{ ok: true, ... }`; a bad body 400 `{ error_code: 'SIM.0001', error_msg }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimiter } from './rateLimit';
import { readBody, sendJson } from './http';
import {
  SIMULATOR_ROUTE_IDS,
  type RateLimitSetting,
  type SimulatorControl,
  type SimulatorRouteId,
} from './types';

export const CONTROL_PREFIX = '/__simulator/';

class ControlError extends Error {}

function routeOf(value: unknown): SimulatorRouteId | '*' {
  if (value === '*' || (SIMULATOR_ROUTE_IDS as readonly unknown[]).includes(value))
    return value as SimulatorRouteId | '*';
  throw new ControlError(`route must be '*' or one of ${SIMULATOR_ROUTE_IDS.join(', ')}`);
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ControlError('body must be a JSON object');
  return value as Record<string, unknown>;
}

function rateLimitSetting(body: unknown): RateLimitSetting {
  if (typeof body === 'boolean') return body;
  const fields = object(body);
  if (typeof fields.perMinute === 'number' && fields.enabled !== false) {
    return typeof fields.windowMs === 'number'
      ? { perMinute: fields.perMinute, windowMs: fields.windowMs }
      : { perMinute: fields.perMinute };
  }
  if (typeof fields.enabled === 'boolean') return fields.enabled;
  throw new ControlError('expected { enabled: boolean, perMinute?: number, windowMs?: number }');
}

export interface ControlHttpDeps {
  control: SimulatorControl;
  rateLimiter: RateLimiter;
  info: () => Record<string, unknown>;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  deps: ControlHttpDeps,
): Promise<void> {
  const { control } = deps;
  const action = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  try {
    const text = req.method === 'POST' ? await readBody(req) : '';
    const body: unknown = text.trim() === '' ? {} : JSON.parse(text);
    let answer: Record<string, unknown> = {};
    switch (action) {
      case 'GET info':
        answer = deps.info();
        break;
      case 'GET calls':
        answer = { counts: control.callCounts(), total: control.totalCalls() };
        break;
      case 'POST calls/reset':
        control.resetCallCounts();
        break;
      case 'POST latency': {
        const fields = object(body);
        control.setLatency(
          routeOf(fields.route),
          (fields.latency ?? null) as Parameters<SimulatorControl['setLatency']>[1],
        );
        break;
      }
      case 'POST faults': {
        const fields = object(body);
        control.injectFault(
          routeOf(fields.route),
          fields.fault as Parameters<SimulatorControl['injectFault']>[1],
          {
            times: typeof fields.times === 'number' ? fields.times : undefined,
            probability: typeof fields.probability === 'number' ? fields.probability : undefined,
          },
        );
        break;
      }
      case 'DELETE faults':
        control.clearFaults();
        break;
      case 'POST rate-limits':
      case 'GET rate-limits':
        if (req.method === 'POST') control.setRateLimits(rateLimitSetting(body));
        answer = { enabled: deps.rateLimiter.enabled, perMinute: deps.rateLimiter.limit };
        if (deps.rateLimiter.window !== 60_000) answer.windowMs = deps.rateLimiter.window;
        break;
      case 'POST tokens/revoke':
        control.revokeTokens();
        break;
      case 'POST tokens/ttl': {
        const ttlMs = object(body).ttlMs;
        if (typeof ttlMs !== 'number') throw new ControlError('expected { ttlMs: number }');
        control.setTokenTtlMs(ttlMs);
        break;
      }
      default:
        sendJson(res, 404, { error_code: 'SIM.0404', error_msg: `no control action ${action}` }, requestId);
        return;
    }
    sendJson(res, 200, { ok: true, ...answer }, requestId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, 400, { error_code: 'SIM.0001', error_msg: message }, requestId);
  }
}
