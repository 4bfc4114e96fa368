/**
 * Tiny hand-written shape checks for upstream JSON. A wrong shape is an upstream (or simulator) bug the
 * gateway must not pass on: it becomes `UPSTREAM_BAD_RESPONSE`, naming the field path (never the data).
 */
import type { UpstreamService } from '../errors/codes';
import { UpstreamError } from '../errors/upstreamError';
import { SERVICE_LABELS } from './facts';

/** Thrown by the checks; the client turns it into an `UpstreamError` with its service and api. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';

  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: expected ${expected}`);
  }
}

export type Json = Record<string, unknown>;

export function expectObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeError(path, 'an object');
  return value as Json;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array');
  return value;
}

export function expectString(object: Json, key: string, path: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw new ShapeError(`${path}.${key}`, 'a string');
  return value;
}

export function expectNumber(object: Json, key: string, path: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ShapeError(`${path}.${key}`, 'a number');
  return value;
}

export function expectBoolean(object: Json, key: string, path: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') throw new ShapeError(`${path}.${key}`, 'a boolean');
  return value;
}

/** Optional fields: absent or `null` → `undefined`; present with the wrong type → `ShapeError`. */
export function optionalString(object: Json, key: string, path: string): string | undefined {
  return object[key] === undefined || object[key] === null ? undefined : expectString(object, key, path);
}

export function optionalNumber(object: Json, key: string, path: string): number | undefined {
  return object[key] === undefined || object[key] === null ? undefined : expectNumber(object, key, path);
}

export function optionalBoolean(object: Json, key: string, path: string): boolean | undefined {
  return object[key] === undefined || object[key] === null ? undefined : expectBoolean(object, key, path);
}

export function expectStringArray(object: Json, key: string, path: string): string[] {
  return expectArray(object[key], `${path}.${key}`).map((item, index) => {
    if (typeof item !== 'string') throw new ShapeError(`${path}.${key}[${index}]`, 'a string');
    return item;
  });
}

/** Runs a parser; a `ShapeError` becomes `UPSTREAM_BAD_RESPONSE` for this service and api. */
export function parseResponse<T>(
  target: { service: UpstreamService; api: string; status?: number; requestId?: string },
  parse: () => T,
): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const { service, api, status, requestId } = target;
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${SERVICE_LABELS[service]} returned an unexpected response (${error.message})`,
      {
        service,
        api,
        ...(status !== undefined && { status }),
        ...(requestId !== undefined && { requestId }),
      },
      { cause: error },
    );
  }
}

/** Documented-as-optional fields: absent → `fallback`; present with the wrong type → `ShapeError`. */
export function stringOr(object: Json, key: string, path: string, fallback: string): string {
  return optionalString(object, key, path) ?? fallback;
}

export function numberOr(object: Json, key: string, path: string, fallback: number): number {
  return optionalNumber(object, key, path) ?? fallback;
}

export function booleanOr(object: Json, key: string, path: string, fallback: boolean): boolean {
  return optionalBoolean(object, key, path) ?? fallback;
}
