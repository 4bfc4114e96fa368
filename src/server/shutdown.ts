import type { Logger } from 'pino';

export interface Closable {
  /** Stops accepting, lets in-flight requests finish within the grace period, releases everything. */
  close(): Promise<void>;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * The process's one owner of SIGTERM and SIGINT (Apollo's own handler is off: it re-raised the signal after
 * stopping, so the gateway's cleanup never ran and the process died with 143, which Kubernetes and
 * systemd read as a crash). On the first signal: log "shutting down", close the gateway (drain, pools,
 * queued warm-ups, the embedded simulator), flush the log, exit 0 — or 1 when closing failed.
 */
export function exitCleanlyOnSignals(
  gateway: Closable,
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'already shutting down; in-flight requests are finishing');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    gateway.close().then(
      () => flushThen(logger, () => exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        flushThen(logger, () => exit(1));
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, stop);
}

/** Exits only after buffered log lines are written, so the last words of the process are never lost. */
function flushThen(logger: Logger, then: () => void): void {
  logger.flush(() => then());
}
