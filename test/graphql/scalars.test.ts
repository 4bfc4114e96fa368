import { Kind } from 'graphql';
import { DateTime, timeOrNull, toIsoDateTime } from '../../src/resolvers/scalars';
import { buildGatewaySchema } from '../../src/server/schema';

describe('DateTime', () => {
  it.each([
    [1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['2021-06-02T09:23:01.751202Z', '2021-06-02T09:23:01.751Z'],
    ['2020-01-04T09:05:22.701999Z', '2020-01-04T09:05:22.701Z'],
    ['2023-03-01T08:00:00Z', '2023-03-01T08:00:00.000Z'],
    ['2023-03-01T10:00:00+02:00', '2023-03-01T08:00:00.000Z'],
    [new Date('2024-02-29T12:00:00Z'), '2024-02-29T12:00:00.000Z'],
  ])('serializes %p as %s', (value, iso) => {
    expect(DateTime.serialize(value)).toBe(iso);
  });

  it.each([['yesterday'], ['2023-03-01'], ['2023-13-01T00:00:00Z'], [1.5], [Number.MAX_VALUE], [true], [{}]])(
    'refuses %p with a clear error',
    (value) => {
      expect(() => DateTime.serialize(value)).toThrow(/DateTime cannot represent/);
    },
  );

  it('parses ISO input from variables and literals', () => {
    expect(DateTime.parseValue('2023-03-01T08:00:00.5Z')).toBe('2023-03-01T08:00:00.500Z');
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2023-03-01T08:00:00Z' })).toBe(
      '2023-03-01T08:00:00.000Z',
    );
    expect(() => DateTime.parseValue(1_700_000_000_000)).toThrow(/ISO-8601/);
    expect(() => DateTime.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/ISO-8601/);
  });

  it('treats upstream "no time" markers as null', () => {
    expect(timeOrNull(0)).toBeNull();
    expect(timeOrNull('')).toBeNull();
    expect(timeOrNull(undefined)).toBeNull();
    expect(timeOrNull(5)).toBe(5);
    expect(toIsoDateTime(undefined)).toBeUndefined();
  });
});

describe('SafeInt', () => {
  const safeInt = buildGatewaySchema().getType('SafeInt');
  it('carries sizes above 2^31 and refuses unsafe ones', () => {
    expect(safeInt && 'serialize' in safeInt ? safeInt.serialize(3_000_000_000) : undefined).toBe(
      3_000_000_000,
    );
    expect(() => (safeInt && 'serialize' in safeInt ? safeInt.serialize(2 ** 53) : undefined)).toThrow();
  });
});
