/**
 * Load generation: single timed executions (cold/warm samples) and autocannon runs at fixed concurrency,
 * no pipelining, with every response checked (equal to the validated reference answer, or else fully
 * re-validated).
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface Execution {
  status: number;
  body: string;
  ms: number;
}

/** One POST /graphql, timed end to end from this process. */
export async function execute(url: string, body: string): Promise<Execution> {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - start };
}

export interface LoadResult {
  connections: number;
  durationS: number;
  completed: number;
  /** Requests sent, including those still in flight when the run ended. */
  sent: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses that were neither identical to the reference answer nor valid on full validation. */
  wrongAnswers: number;
  /** Responses that differed from the reference answer but validated (e.g. data changed in between). */
  variedAnswers: number;
  firstProblems: string[];
}

export interface LoadOptions {
  /** Several URLs: connections are spread over them round-robin (autocannon's connection i → url i mod n). */
  url: string | readonly string[];
  body: string;
  connections: number;
  durationS?: number;
  amount?: number;
  /** The validated answer of this request: identical responses need no further check. */
  reference: string;
  /** Full validation for a response that is not identical to the reference; returns its problems. */
  validate: (body: string) => string[];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let wrongAnswers = 0;
  let variedAnswers = 0;
  const firstProblems: string[] = [];
  const verifyBody = (body: string): boolean => {
    if (body === options.reference) return true;
    const problems = options.validate(body);
    if (problems.length === 0) {
      variedAnswers += 1;
      return true;
    }
    wrongAnswers += 1;
    if (firstProblems.length < 5) firstProblems.push(problems.slice(0, 3).join('; '));
    return false;
  };
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.body,
    connections: options.connections,
    pipelining: 1,
    timeout: 30,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationS ?? 5 }),
    verifyBody,
  });
  return {
    connections: options.connections,
    durationS: result.duration,
    completed: result.requests.total,
    sent: result.requests.sent,
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    wrongAnswers,
    variedAnswers,
    firstProblems,
  };
}

/**
 * A fixed number of requests from `connections` concurrent loops (global fetch). Used by `--quick`, where
 * autocannon's whole-second runs would dominate; the same checks on every answer, coarser timings.
 */
export async function runBurst(options: LoadOptions & { amount: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let wrongAnswers = 0;
  let variedAnswers = 0;
  let non2xx = 0;
  let errors = 0;
  const firstProblems: string[] = [];
  let remaining = options.amount;
  const urls = typeof options.url === 'string' ? [options.url] : options.url;
  const start = performance.now();
  const loop = async (url: string): Promise<void> => {
    while (remaining > 0) {
      remaining -= 1;
      try {
        const result = await execute(url, options.body);
        latencies.push(result.ms);
        if (result.status < 200 || result.status > 299) non2xx += 1;
        if (result.body === options.reference) continue;
        const problems = options.validate(result.body);
        if (problems.length === 0) variedAnswers += 1;
        else {
          wrongAnswers += 1;
          if (firstProblems.length < 5) firstProblems.push(problems.slice(0, 3).join('; '));
        }
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(
    Array.from({ length: options.connections }, (_, k) => loop(urls[k % urls.length] as string)),
  );
  const durationS = (performance.now() - start) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    connections: options.connections,
    durationS,
    completed: latencies.length,
    sent: options.amount,
    requestsPerSecond: latencies.length / durationS,
    latencyMs: {
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      mean: sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1),
      max: sorted[sorted.length - 1] ?? NaN,
    },
    errors,
    timeouts: 0,
    non2xx,
    wrongAnswers,
    variedAnswers,
    firstProblems,
  };
}
