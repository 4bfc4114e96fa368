/**
 * Tracing is off unless an OTLP endpoint is set: then no OpenTelemetry SDK part runs and the client's trace
 * context goes no further. With an endpoint, spans reach an OTLP/HTTP collector as protobuf, and stopping the
 * process flushes the ones still buffered.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { request } from 'undici';
import { startSimulator } from '../../src/simulator';
import { startGatewayFleet } from '../support/gatewayFleet';
import { operation, startStack, type Stack } from './harness';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';

jest.setTimeout(90_000);

const VARIABLES = { first: 5, filter: { type: 'PRIVATE' } };
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

interface Export {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in OTLP/HTTP collector: keeps every request, answers 200 with an empty protobuf body. */
async function startCollector(): Promise<{ url: string; exports: Export[]; close(): Promise<void> }> {
  const exports: Export[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      exports.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'content-type': 'application/x-protobuf' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether an OpenTelemetry context manager is installed in this process (tracing installs one). */
function contextManagerInstalled(): boolean {
  const probe = createContextKey('test-probe');
  return context.with(ROOT_CONTEXT.setValue(probe, true), () => context.active().getValue(probe)) === true;
}

let proxy: RecordingProxy;
let stack: Stack | undefined;
beforeEach(async () => {
  proxy = await startRecordingProxy();
});
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  await proxy.close();
});

async function startBehindProxy(env: Record<string, string>): Promise<Stack> {
  stack = await startStack({
    simulator: { imageCount: 50, seed: 3 },
    env: { HWC_HSS_ENDPOINT: proxy.url, HWC_SWR_ENDPOINT: proxy.url, ...env },
  });
  proxy.target = stack.simulator.url;
  return stack;
}

// First in this file (each test file is its own process-wide OpenTelemetry state): nothing installed yet.
it('is off by default: no SDK part runs, and the client trace context is not passed upstream', async () => {
  const running = await startBehindProxy({});
  const response = await running.query(operation('ImageDashboard'), VARIABLES, { traceparent: TRACEPARENT });
  expect(response.body.errors).toBeUndefined();
  expect(proxy.headers.length).toBeGreaterThan(0);
  for (const headers of proxy.headers) {
    expect(headers.traceparent).toBeUndefined();
    expect(headers.tracestate).toBeUndefined();
  }
  expect(contextManagerInstalled()).toBe(false);
});

// The OTLP exporter loads node:http with a dynamic import, which jest's module sandbox refuses: this one runs
// the real entry point in a child process, as an operator would, and stops it with SIGTERM.
it('exports spans to the OTLP endpoint as protobuf, flushed when the process stops', async () => {
  const collector = await startCollector();
  const simulator = await startSimulator({ imageCount: 50, seed: 3 });
  proxy.target = simulator.url;
  try {
    const fleet = await startGatewayFleet({
      count: 1,
      simulator,
      env: {
        HWC_HSS_ENDPOINT: proxy.url,
        HWC_SWR_ENDPOINT: proxy.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: 'dashboard-bff-under-test',
      },
    });
    const response = await request(fleet.gateways[0]!.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: TRACEPARENT },
      body: JSON.stringify({ query: operation('ImageDashboard'), variables: VARIABLES }),
    });
    const body = (await response.body.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(proxy.headers.length).toBeGreaterThan(0);
    for (const headers of proxy.headers) {
      expect(headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    }
    // The batch processor holds spans for seconds; stopping must not lose them.
    expect(await fleet.stop()).toEqual([0]);

    expect(collector.exports.length).toBeGreaterThan(0);
    for (const sent of collector.exports) {
      expect(sent.path).toBe('/v1/traces');
      expect(sent.headers['content-type']).toBe('application/x-protobuf');
    }
    const exported = Buffer.concat(collector.exports.map((sent) => sent.body));
    for (const text of [
      'dashboard-bff-under-test',
      'query ImageDashboard',
      'upstream hss.listRegistryImages',
    ]) {
      expect(exported.includes(Buffer.from(text))).toBe(true);
    }
    expect(exported.includes(Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex'))).toBe(true);
  } finally {
    await simulator.stop();
    await collector.close();
  }
});
