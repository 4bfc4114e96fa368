/**
 * Scalars. `DateTime` normalizes what upstreams send (HSS epoch milliseconds, SWR/Workspace UTC strings,
 * IAM microsecond `Z` strings) to one ISO-8601 UTC form; `SafeInt` is graphql-scalars' ±2^53−1 integer.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

/** RFC 3339 date-time; fractions of any precision (upstream sends up to microseconds) are accepted. */
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

function fromString(value: string): string | undefined {
  const match = RFC3339.exec(value);
  if (!match) return undefined;
  const [, date, time, fraction = '', zone = 'Z'] = match;
  // Date.parse handles milliseconds only: cut the fraction to three digits instead of rounding (no carry).
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const epoch = Date.parse(`${date}T${time}.${millis}${zone.toUpperCase()}`);
  return Number.isNaN(epoch) ? undefined : new Date(epoch).toISOString();
}

function fromEpochMillis(value: number): string | undefined {
  if (!Number.isSafeInteger(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO-8601 UTC string for a Date, epoch ms or RFC 3339 string; undefined when it is none of those. */
export function toIsoDateTime(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number') return fromEpochMillis(value);
  if (typeof value === 'string') return fromString(value);
  return undefined;
}

/** Upstream "no time" markers (0 ms, empty string) become null rather than 1970-01-01. */
export function timeOrNull(value: number | string | null | undefined): number | string | null {
  if (typeof value === 'number') return value > 0 ? value : null;
  return value ? value : null;
}

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string in UTC.',
  serialize(value) {
    const iso = toIsoDateTime(value);
    if (iso === undefined) {
      throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value) ?? String(value)}.`);
    }
    return iso;
  },
  parseValue(value) {
    const iso = typeof value === 'string' ? fromString(value) : undefined;
    if (iso === undefined) {
      throw new GraphQLError(
        'DateTime must be an ISO-8601 string with a time zone, e.g. 2026-01-02T03:04:05Z.',
      );
    }
    return iso;
  },
  parseLiteral(ast) {
    const iso = ast.kind === Kind.STRING ? fromString(ast.value) : undefined;
    if (iso === undefined) {
      throw new GraphQLError(
        'DateTime must be an ISO-8601 string with a time zone, e.g. 2026-01-02T03:04:05Z.',
        {
          nodes: ast,
        },
      );
    }
    return iso;
  },
});

export const scalarResolvers = { DateTime, SafeInt: GraphQLSafeInt };
