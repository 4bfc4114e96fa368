/**
 * Calls the quota refused, kept to run later so that their results warm the cache: the next identical
 * request is then served without spending budget. They run in arrival order per API, each only when the
 * admission window admits it while keeping `reserve` slots free, so background work never takes the
 * budget a client request waiting now would need.
 *
 * A queued run drops the caller's signal (the caller was already answered), runs on its own
 * AbortController, and goes straight to the next handler (the HTTP core): no retry, no breaker, it is
 * best-effort. Timers are unref'd; `close()` cancels everything.
 */
import { backgroundWaitMs } from './quotaLimits';
import { UpstreamError } from '../../../errors/upstreamError';
import type { UpstreamCall, UpstreamResult } from '../../upstreamCall';
import type { Clock } from '../clock';
import type { DeferredCompletion } from '../deferredCompletion';
import type { AdmissionWindow, WindowLimit } from '../state/contracts';

/** Sends a call the window admitted under `ticket`. */
export type Send = (call: UpstreamCall, ticket: string) => Promise<UpstreamResult>;

export interface WarmUpQueueOptions {
  window: AdmissionWindow;
  /** Slots of each window left to interactive calls. */
  reserve: number;
  maxQueuePerApi: number;
  now: Clock;
  /** Errors after which the run goes back to the head of its queue (an upstream 429) instead of failing. */
  requeueOn: (error: unknown) => boolean;
}

/** A run already sent is expected back within one upstream round trip. */
const RUNNING_RETRY_AFTER_MS = 1_000;
/** When the window store itself fails (a shared store that is away), try again after this. */
const STORE_RETRY_MS = 1_000;

interface QueuedRun {
  readonly call: UpstreamCall;
  readonly send: Send;
  readonly controller: AbortController;
  readonly completion: DeferredCompletion;
  readonly resolve: (result: UpstreamResult) => void;
  readonly reject: (error: unknown) => void;
  readonly queuedAt: number;
  started: boolean;
}

interface ApiQueue {
  readonly api: string;
  readonly limit: WindowLimit;
  readonly runs: QueuedRun[];
  /** Started and not yet settled, for `close()`. */
  readonly running: Set<QueuedRun>;
  timer?: NodeJS.Timeout;
  /** When the next admission attempt is due (0: now). */
  nextAttemptAt: number;
  pumping: boolean;
}

export class WarmUpQueue {
  private readonly queues = new Map<string, ApiQueue>();
  private closed = false;

  constructor(private readonly options: WarmUpQueueOptions) {}

  /** Queues `call`; undefined when it cannot be (closed, not idempotent, or the API's queue is full). */
  enqueue(call: UpstreamCall, limit: WindowLimit, send: Send): DeferredCompletion | undefined {
    if (this.closed || !call.idempotent) return undefined;
    const queue = this.queueOf(call.api, limit);
    if (queue.runs.length >= this.options.maxQueuePerApi) return undefined;
    const { signal: _callerSignal, ...options } = call.options;
    const controller = new AbortController();
    let resolve!: (result: UpstreamResult) => void;
    let reject!: (error: unknown) => void;
    const result = new Promise<UpstreamResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    result.catch(() => undefined); // a failed warm-up is nobody's unhandled rejection
    const run: QueuedRun = {
      call: { ...call, options: { ...options, signal: controller.signal } },
      send,
      controller,
      resolve,
      reject,
      queuedAt: this.options.now(),
      started: false,
      completion: { result, retryAfterMs: () => this.retryAfterMs(queue, run) },
    };
    queue.runs.push(run);
    void this.pump(queue);
    return run.completion;
  }

  /** Runs waiting for their slot (not yet started), for one API or all. */
  queuedCount(api?: string): number {
    let count = 0;
    for (const queue of this.queues.values())
      if (api === undefined || queue.api === api) count += queue.runs.length;
    return count;
  }

  /** Milliseconds the oldest waiting run of `api` has waited (0 when none waits). */
  oldestQueuedMs(api: string): number {
    const oldest = this.queues.get(api)?.runs[0];
    return oldest ? Math.max(0, this.options.now() - oldest.queuedAt) : 0;
  }

  /** Cancels every waiting run (its completion rejects) and aborts the running ones. */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) {
      clearTimeout(queue.timer);
      for (const run of queue.running) run.controller.abort(new Error('warm-up queue closed'));
      for (const run of queue.runs.splice(0)) {
        run.reject(
          new UpstreamError('UPSTREAM_UNAVAILABLE', 'Warm-up queue closed', {
            service: run.call.service,
            api: run.call.api,
          }),
        );
      }
    }
  }

  private queueOf(api: string, limit: WindowLimit): ApiQueue {
    let queue = this.queues.get(api);
    if (!queue) {
      queue = { api, limit, runs: [], running: new Set(), nextAttemptAt: 0, pumping: false };
      this.queues.set(api, queue);
    }
    return queue;
  }

  /** Starts runs while the window admits them; otherwise tries again when it says a slot frees. */
  private async pump(queue: ApiQueue): Promise<void> {
    if (queue.pumping || queue.timer) return;
    queue.pumping = true;
    try {
      while (queue.runs.length > 0 && !this.closed) {
        let waitMs: number;
        try {
          const admission = await this.options.window.tryAdmit(queue.api, queue.limit, this.options.reserve);
          if (admission.admitted) {
            this.start(queue, queue.runs.shift() as QueuedRun, admission.ticket);
            continue;
          }
          waitMs = admission.retryAfterMs;
        } catch {
          waitMs = STORE_RETRY_MS;
        }
        queue.nextAttemptAt = this.options.now() + waitMs;
        queue.timer = setTimeout(() => {
          queue.timer = undefined;
          void this.pump(queue);
        }, waitMs);
        queue.timer.unref?.();
        return;
      }
    } finally {
      queue.pumping = false;
    }
  }

  private start(queue: ApiQueue, run: QueuedRun, ticket: string): void {
    run.started = true;
    queue.running.add(run);
    run.send(run.call, ticket).then(
      (result) => {
        queue.running.delete(run);
        run.resolve(result);
      },
      (error: unknown) => {
        queue.running.delete(run);
        if (this.closed || !this.options.requeueOn(error)) {
          run.reject(error);
          return;
        }
        run.started = false;
        queue.runs.unshift(run);
        void this.pump(queue);
      },
    );
  }

  /** Live estimate: the next attempt, plus one slot per run ahead at the background rate. */
  private retryAfterMs(queue: ApiQueue, run: QueuedRun): number {
    if (run.started) return RUNNING_RETRY_AFTER_MS;
    const ahead = Math.max(0, queue.runs.indexOf(run));
    const untilNext = Math.max(0, queue.nextAttemptAt - this.options.now());
    return Math.ceil(untilNext + backgroundWaitMs(queue.limit, this.options.reserve, ahead));
  }
}
