import type { MaybePromise } from './sameTurn';

/** The project id the HSS and Workspace clients put in their paths: fixed, or resolved on first use. */
export type ProjectIdInput = string | ProjectIdLookup;

export interface ProjectIdLookup {
  (signal?: AbortSignal): Promise<string>;
  /** The id once resolved; never starts a lookup. */
  known?(): string | undefined;
}

/** The id itself once it is known, else a promise of it (see `sameTurn.ts`). */
export function projectIdGetter(input: ProjectIdInput): (signal?: AbortSignal) => MaybePromise<string> {
  if (typeof input === 'string') return () => input;
  return (signal) => input.known?.() ?? input(signal);
}
