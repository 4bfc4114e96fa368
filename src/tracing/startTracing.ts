/**
 * Starts OpenTelemetry tracing for one gateway: a tracer provider of its own (not registered globally, so
 * several gateways in one process keep their spans apart), an OTLP/HTTP exporter behind a batch processor,
 * the W3C trace-context propagator, and the AsyncLocalStorage context manager that carries a request's
 * trace across its awaits. Nothing is started when tracing is off.
 */
import {
  context,
  createContextKey,
  diag,
  ROOT_CONTEXT,
  DiagLogLevel,
  type Attributes,
  type TextMapPropagator,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import type { TracingConfig } from '../config/tracingConfig';
import { startUpstreamAnnotations } from './upstreamSpan';

export interface GatewayTracing {
  tracer: Tracer;
  /** Reads the client's `traceparent`/`tracestate` and writes them on upstream requests. */
  propagator: TextMapPropagator;
  /** Exports the spans still buffered, then stops the exporter. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  logger?: Logger;
  /**
   * Receives every span as it ends, instead of the OTLP exporter (tests use the SDK's in-memory exporter);
   * tracing is on when this is given, whatever the configuration says.
   */
  exporter?: SpanExporter;
}

const TRACER_NAME = 'hwc-image-graph-gateway';

/** The tracing of a gateway, or undefined when it is off (no OTLP endpoint and no exporter given). */
export function startTracing(
  config: TracingConfig,
  options: StartTracingOptions = {},
): GatewayTracing | undefined {
  if (config.tracesEndpoint === undefined && options.exporter === undefined) return undefined;
  if (options.logger) reportExportFailures(options.logger);
  installContextManager();
  startUpstreamAnnotations();

  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesEndpoint! }));
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes(resourceAttributes(config))),
    sampler: samplerOf(config),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer(TRACER_NAME, process.env.npm_package_version),
    propagator: new W3CTraceContextPropagator(),
    shutdown: () => provider.shutdown(),
  };
}

/** The context manager is process-wide: installed by the first gateway that traces, shared by the others. */
function installContextManager(): void {
  const probe = createContextKey('hwc-gateway.context-manager-probe');
  const installed = context.with(ROOT_CONTEXT.setValue(probe, true), () => context.active().getValue(probe));
  if (installed !== true) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

function resourceAttributes(config: TracingConfig): Attributes {
  const version = process.env.npm_package_version;
  return { [ATTR_SERVICE_NAME]: config.serviceName, ...(version && { [ATTR_SERVICE_VERSION]: version }) };
}

function samplerOf(config: TracingConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** The exporter reports an unreachable collector through OpenTelemetry's diagnostics: log it as a warning. */
function reportExportFailures(logger: Logger): void {
  const tracingLogger = logger.child({ component: 'tracing' });
  const warn = (message: string) => tracingLogger.warn(message);
  const ignore = () => undefined;
  diag.setLogger(
    { error: warn, warn, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}
