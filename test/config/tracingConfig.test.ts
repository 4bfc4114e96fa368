import { loadConfig } from '../../src/config/config';
import { errorOf, runMain } from './helpers';

describe('OTEL_* tracing configuration', () => {
  it('is off without an OTLP endpoint (empty counts as unset), with the documented defaults', () => {
    for (const env of [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }, { OTEL_SERVICE_NAME: 'bff' }]) {
      expect(loadConfig(env).tracing.tracesEndpoint).toBeUndefined();
    }
    expect(loadConfig({}).tracing).toEqual({
      serviceName: 'hwc-image-graph-gateway',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
  });

  it('appends /v1/traces to the base endpoint, and takes the traces endpoint as it is', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing.tracesEndpoint).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example.com/otlp/v1/traces',
      }).tracing.tracesEndpoint,
    ).toBe('https://tempo.example.com/otlp/v1/traces');
  });

  it('stays off when the SDK or the traces exporter is switched off', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(loadConfig({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).tracing.tracesEndpoint).toBeUndefined();
    expect(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).tracing.tracesEndpoint).toBeUndefined();
  });

  it('reads the service name and sampler', () => {
    const tracing = loadConfig({
      OTEL_SERVICE_NAME: 'image-bff',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).tracing;
    expect(tracing).toMatchObject({
      serviceName: 'image-bff',
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
    });
  });

  it('names the variable of each bad value', () => {
    expect(errorOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }).message).toBe(
      'OTEL_EXPORTER_OTLP_ENDPOINT: must use http or https, got "collector:"',
    );
    expect(errorOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http//collector' }).variable).toBe(
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    );
    // Validated even while switched off, so a typo does not wait for the day tracing is turned on.
    expect(
      errorOf({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' }).variable,
    ).toBe('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(errorOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).message).toBe(
      'OTEL_EXPORTER_OTLP_PROTOCOL: must be one of http/protobuf, got "grpc"',
    );
    expect(errorOf({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }).variable).toBe(
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    );
    expect(errorOf({ OTEL_TRACES_EXPORTER: 'zipkin' }).variable).toBe('OTEL_TRACES_EXPORTER');
    expect(errorOf({ OTEL_TRACES_SAMPLER: 'sometimes' }).variable).toBe('OTEL_TRACES_SAMPLER');
    expect(errorOf({ OTEL_TRACES_SAMPLER_ARG: '1.5' }).message).toBe(
      'OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1, got "1.5"',
    );
    expect(errorOf({ OTEL_SDK_DISABLED: 'maybe' }).variable).toBe('OTEL_SDK_DISABLED');
  });

  it('stops the process at start with one line naming a malformed endpoint (exit code 78)', () => {
    const result = runMain({ PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe(
      'configuration error: OTEL_EXPORTER_OTLP_ENDPOINT: must use http or https, got "collector:"',
    );
    expect(result.stdout).toBe('');
  });
});
