/**
 * Query-parameter parsing with the API's ranges. Each service reports a bad value its own way, so the
 * reader takes the error factory. Empty optional strings count as absent; the first of repeated keys wins.
 */
import type { SimulatorHttpError } from './errors';

export class ParamReader {
  constructor(
    private readonly params: URLSearchParams,
    private readonly invalid: (message: string) => SimulatorHttpError,
  ) {}

  raw(name: string): string | undefined {
    const value = this.params.get(name);
    return value === null ? undefined : value;
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  fail(message: string): never {
    throw this.invalid(message);
  }

  /** An integer in [min, max], or `fallback` when absent. */
  int(name: string, min: number, max: number, fallback: number): number;
  int(name: string, min: number, max: number): number | undefined;
  int(name: string, min: number, max: number, fallback?: number): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) this.fail(`${name} must be an integer`);
    const parsed = Number(value);
    if (parsed < min || parsed > max) this.fail(`${name} must be between ${min} and ${max}`);
    return parsed;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return this.fail(`${name} must be true or false`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value))
      this.fail(`${name} must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  /** A string of `min`–`max` characters; empty counts as absent unless `min` is 0. */
  text(name: string, min: number, max: number): string | undefined {
    const value = this.raw(name);
    if (value === undefined || (value === '' && min > 0)) return undefined;
    if (value.length < min || value.length > max) this.fail(`${name} must be ${min} to ${max} characters`);
    return value;
  }

  /** `[start, end]` from `start_{name}` / `end_{name}` (missing start = 0, missing end = now). */
  timeRange(name: string, now: number): readonly [number, number] | undefined {
    const start = this.int(`start_${name}`, 0, Number.MAX_SAFE_INTEGER);
    const end = this.int(`end_${name}`, 0, Number.MAX_SAFE_INTEGER);
    if (start === undefined && end === undefined) return undefined;
    const range = [start ?? 0, end ?? now] as const;
    if (range[0] > range[1]) this.fail(`start_${name} must not be after end_${name}`);
    return range;
  }
}
