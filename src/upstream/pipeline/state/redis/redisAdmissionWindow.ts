/**
 * The admission window shared by every replica: per API, a sorted set of admission times in Redis, and
 * the 429 pause as a key that expires by itself. Check and record run in one Lua script, so replicas
 * admitting at the same moment can never together pass the limit; times come from the Redis server's
 * clock (`TIME`), so replicas with skewed clocks still share one window. Each admission is a unique member
 * (server time in microseconds + a random suffix), so simultaneous admissions are never collapsed into one.
 * Both keys expire with the window (or the pause): an idle API leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

import type { Admission, AdmissionWindow, QuotaUsage, WindowLimit } from '../contracts';
import { defineLuaScript, type LuaScript } from './luaScript';

/** An admission decision with the Redis server time it was taken at (the recorded time, when admitted). */
export type TimedAdmission = Admission & { readonly atMs: number };

// Shared preamble: `now` in (fractional) ms and `nowText`, the same instant in whole microseconds.
const SERVER_NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local nowText = t[1] .. string.format('%06d', tonumber(t[2]))
`;

/** KEYS: log, pause. ARGV: calls, windowMs, reserve, unique suffix. → {admitted, retryAfterMs, reason or member, nowText} */
const TRY_ADMIT = `${SERVER_NOW}
local windowMs = tonumber(ARGV[2])
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused, 'paused', nowText} end
local capacity = tonumber(ARGV[1]) - tonumber(ARGV[3])
if capacity <= 0 then return {0, windowMs, 'budget', nowText} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local used = redis.call('ZCARD', KEYS[1])
if used < capacity then
  local member = nowText .. ':' .. ARGV[4]
  redis.call('ZADD', KEYS[1], now, member)
  redis.call('PEXPIRE', KEYS[1], math.ceil(windowMs))
  return {1, 0, member, nowText}
end
-- The admission that must leave the window before one more fits under capacity.
local blocking = redis.call('ZRANGE', KEYS[1], used - capacity, used - capacity, 'WITHSCORES')
return {0, math.max(1, math.ceil(tonumber(blocking[2]) + windowMs - now)), 'budget', nowText}
`;

/** KEYS: log, pause. ARGV: calls, windowMs. → {used, nextSlotInMs, pausedForMs} */
const USAGE = `${SERVER_NOW}
local windowMs = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local used = redis.call('ZCARD', KEYS[1])
local nextSlot = 0
if used >= tonumber(ARGV[1]) and used > 0 then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  nextSlot = math.max(0, math.ceil(tonumber(oldest[2]) + windowMs - now))
end
return {used, nextSlot, math.max(0, redis.call('PTTL', KEYS[2]))}
`;

/** KEYS: log. ARGV: member, windowMs. Moves the admission's time to now (never earlier); the log lives a window more. */
const COMPLETE = `${SERVER_NOW}
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) < now then
  redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
  if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
end
return 0
`;

/** KEYS: pause. ARGV: forMs. Never shortens a longer pause. */
const PAUSE = `
local forMs = tonumber(ARGV[1])
if forMs > 0 and redis.call('PTTL', KEYS[1]) < forMs then redis.call('SET', KEYS[1], '1', 'PX', forMs) end
return 0
`;

/** KEYS: log. ARGV: windowMs, unique suffix, ages in ms (how long ago each admission happened). */
const RECORD = `${SERVER_NOW}
local windowMs = tonumber(ARGV[1])
for i = 3, #ARGV do
  local at = now - tonumber(ARGV[i])
  if at > now - windowMs then
    redis.call('ZADD', KEYS[1], at, string.format('%.3f', at) .. ':' .. ARGV[2] .. ':' .. i)
  end
end
if #ARGV > 2 then redis.call('PEXPIRE', KEYS[1], math.ceil(windowMs)) end
return 0
`;

export interface RedisAdmissionWindowOptions {
  redis: Redis;
  /** Namespace of this deployment, e.g. `hwc-gw:<projectId>:`. */
  keyPrefix: string;
}

export class RedisAdmissionWindow implements AdmissionWindow {
  private readonly tryAdmitScript: LuaScript;
  private readonly usageScript: LuaScript;
  private readonly pauseScript: LuaScript;
  private readonly recordScript: LuaScript;
  private readonly completeScript: LuaScript;

  constructor(private readonly options: RedisAdmissionWindowOptions) {
    const { redis } = options;
    this.tryAdmitScript = defineLuaScript(redis, 'hwcAdmissionTryAdmit', TRY_ADMIT);
    this.usageScript = defineLuaScript(redis, 'hwcAdmissionUsage', USAGE);
    this.pauseScript = defineLuaScript(redis, 'hwcAdmissionPause', PAUSE);
    this.recordScript = defineLuaScript(redis, 'hwcAdmissionRecord', RECORD);
    this.completeScript = defineLuaScript(redis, 'hwcAdmissionComplete', COMPLETE);
  }

  async tryAdmit(api: string, limit: WindowLimit, reserve: number): Promise<TimedAdmission> {
    const reply = (await this.tryAdmitScript(this.keys(api), [
      limit.calls,
      limit.windowMs,
      reserve,
      uniqueSuffix(),
    ])) as [number, number, string, string];
    const [admitted, retryAfterMs, reasonOrMember, nowText] = reply;
    const atMs = Number(nowText) / 1000;
    // The ticket carries the window, so `complete` can keep the log alive a window past the answer.
    if (admitted === 1)
      return { admitted: true, ticket: `${Math.ceil(limit.windowMs)}|${reasonOrMember}`, atMs };
    const reason = reasonOrMember;
    return { admitted: false, retryAfterMs, reason: reason === 'paused' ? 'paused' : 'budget', atMs };
  }

  async complete(api: string, ticket: string): Promise<void> {
    const separator = ticket.indexOf('|');
    const windowMs = Number(ticket.slice(0, separator));
    if (separator < 0 || !Number.isFinite(windowMs)) return; // not one of ours
    await this.completeScript([this.logKey(api)], [ticket.slice(separator + 1), windowMs]);
  }

  async pause(api: string, forMs: number): Promise<void> {
    await this.pauseScript([this.pauseKey(api)], [Math.ceil(forMs)]);
  }

  async usage(api: string, limit: WindowLimit): Promise<QuotaUsage> {
    const reply = (await this.usageScript(this.keys(api), [limit.calls, limit.windowMs])) as [
      number,
      number,
      number,
    ];
    const [used, nextSlotInMs, pausedForMs] = reply;
    return {
      limit: limit.calls,
      used,
      remaining: Math.max(0, limit.calls - used),
      nextSlotInMs,
      pausedForMs,
    };
  }

  /**
   * Records admissions made elsewhere (a replica's local window while Redis was away), given as how long
   * ago each happened, so the shared window counts them when the replica rejoins. Older ones are dropped.
   */
  async record(api: string, windowMs: number, agesMs: readonly number[]): Promise<void> {
    if (agesMs.length === 0) return;
    await this.recordScript(
      [this.logKey(api)],
      [windowMs, uniqueSuffix(), ...agesMs.map((age) => Math.max(0, age))],
    );
  }

  // `{api}` is a Redis Cluster hash tag: both keys of one API land in one slot, as one script needs.
  private logKey(api: string): string {
    return `${this.options.keyPrefix}quota:{${api}}:log`;
  }

  private pauseKey(api: string): string {
    return `${this.options.keyPrefix}quota:{${api}}:pause`;
  }

  private keys(api: string): string[] {
    return [this.logKey(api), this.pauseKey(api)];
  }
}

function uniqueSuffix(): string {
  return randomBytes(6).toString('base64url');
}
