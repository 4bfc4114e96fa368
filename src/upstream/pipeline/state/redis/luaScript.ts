/**
 * A Lua script registered on a connection: ioredis sends it with EVALSHA and falls back to EVAL once
 * when the server does not know it yet (after a restart, too). A script runs atomically on the server,
 * which is what makes check-and-record across replicas exact.
 */
import type { Redis } from 'ioredis';

export type LuaScript = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/** Registers `lua` under `name`; the returned function passes however many keys it is given. */
export function defineLuaScript(redis: Redis, name: string, lua: string): LuaScript {
  // Without `numberOfKeys`, ioredis expects the key count as the first argument, so it may vary per call.
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[
    name
  ] as (...args: (string | number)[]) => Promise<unknown>;
  return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
}
