/**
 * OpenTelemetry tracing, read from the standard `OTEL_*` variables so a collector's usual set-up works
 * unchanged. Off unless an OTLP endpoint is set: then no SDK is started and tracing costs nothing.
 */
import { ConfigError } from './configError';
import { DEFAULTS } from './defaults';
import type { EnvReader } from './readEnv';

export type TraceSampler =
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio'
  | 'always_on'
  | 'always_off'
  | 'traceidratio';

const SAMPLERS: readonly TraceSampler[] = [
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
  'always_on',
  'always_off',
  'traceidratio',
];

export interface TracingConfig {
  /** Where spans are sent (OTLP over HTTP, protobuf), e.g. `http://collector:4318/v1/traces`; absent: tracing off. */
  tracesEndpoint?: string;
  /** `service.name` of every span. */
  serviceName: string;
  sampler: TraceSampler;
  /** Share of traces kept by the `*traceidratio` samplers, 0..1. */
  samplerRatio: number;
}

/** The path OTLP/HTTP collectors serve traces on, appended to `OTEL_EXPORTER_OTLP_ENDPOINT` (not to the traces one). */
const OTLP_TRACES_PATH = '/v1/traces';

export function readTracingConfig(read: EnvReader): TracingConfig {
  // Both endpoints are validated even when tracing is switched off, so a typo never waits for the day it is on.
  const tracesEndpoint = read.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = read.url('OTEL_EXPORTER_OTLP_ENDPOINT');
  const protocolVariable =
    read.raw('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') !== undefined
      ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
      : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  read.oneOf(protocolVariable, ['http/protobuf'] as const, 'http/protobuf');
  const exporter = read.oneOf('OTEL_TRACES_EXPORTER', ['otlp', 'none'] as const, 'otlp');
  const disabled = read.boolean('OTEL_SDK_DISABLED', false);
  const endpoint = tracesEndpoint ?? (baseEndpoint && `${baseEndpoint}${OTLP_TRACES_PATH}`);
  return {
    ...(endpoint !== undefined && exporter === 'otlp' && !disabled && { tracesEndpoint: endpoint }),
    serviceName:
      read.string('OTEL_SERVICE_NAME', {
        pattern: /^[\x21-\x7e][\x20-\x7e]{0,254}$/,
        describe: 'a printable name of at most 255 characters',
      }) ?? DEFAULTS.tracing.serviceName,
    sampler: read.oneOf('OTEL_TRACES_SAMPLER', SAMPLERS, DEFAULTS.tracing.sampler),
    samplerRatio: readRatio(read, 'OTEL_TRACES_SAMPLER_ARG', DEFAULTS.tracing.samplerRatio),
  };
}

function readRatio(read: EnvReader, name: string, fallback: number): number {
  const value = read.raw(name);
  if (value === undefined) return fallback;
  const ratio = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(ratio)) throw new ConfigError(name, `must be a number from 0 to 1, got "${value}"`);
  return ratio;
}
