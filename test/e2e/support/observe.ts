/**
 * Helpers for the resilience end-to-end tests: bounded polling, reading the gateway's Prometheus
 * metrics, and checking that an error payload leaks nothing about the upstream.
 */
import type { RunningGateway } from '../../../src/server/createGateway';
import type { GraphQLResponse, Stack } from '../harness';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` every `intervalMs` until it holds; fails (with `what`) after `timeoutMs`. Bounded, so a
 * regression shows as a clear failure rather than a hung test.
 */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(intervalMs);
  }
}

export interface MetricSample {
  labels: Record<string, string | number>;
  value: number;
}

/** Every sample of one metric of the gateway's registry (empty when it was never touched). */
export async function metricSamples(gateway: RunningGateway, name: string): Promise<MetricSample[]> {
  const metric = gateway.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values.map((sample) => ({
    labels: sample.labels as Record<string, string | number>,
    value: sample.value,
  }));
}

/** Sum of the samples of `name` whose labels include `match`. */
export async function metricSum(
  gateway: RunningGateway,
  name: string,
  match: Record<string, string> = {},
): Promise<number> {
  const samples = await metricSamples(gateway, name);
  return samples
    .filter((sample) => Object.entries(match).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** `gateway_upstream_requests_total` by `api` → `outcome` → count. */
export async function upstreamOutcomes(
  gateway: RunningGateway,
): Promise<Record<string, Record<string, number>>> {
  const byApi: Record<string, Record<string, number>> = {};
  for (const sample of await metricSamples(gateway, 'gateway_upstream_requests_total')) {
    const api = String(sample.labels['api']);
    const outcome = String(sample.labels['outcome']);
    byApi[api] ??= {};
    byApi[api][outcome] = (byApi[api][outcome] ?? 0) + sample.value;
  }
  return byApi;
}

/**
 * Asserts the errors of a response carry nothing an upstream secret or address could be read from:
 * not the IAM password, not a URL (nor the simulator's host:port), not the project id.
 */
export function expectNoLeaks<TData>(stack: Stack, response: GraphQLResponse<TData>): void {
  const text = JSON.stringify(response.body.errors ?? []);
  const host = new URL(stack.simulator.url).host;
  expect(text).not.toContain(stack.simulator.credentials.password);
  expect(text).not.toContain(stack.simulator.projectId);
  expect(text).not.toContain(host);
  expect(text).not.toMatch(/https?:\/\//i);
}
