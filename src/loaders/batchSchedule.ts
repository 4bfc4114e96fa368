/**
 * When DataLoader batches go out. DataLoader's own schedule dispatches each loader's batch once the
 * microtasks of the current turn have run, loader after loader in the order each was first asked. A
 * batch's calls reach undici while it is dispatched (upstream/sameTurn.ts), so that order is the order on
 * the wire: on a dashboard page the shared-repository lookup is asked last in each row and went out after
 * 32 file-statistics and software calls, though its first page is followed by the center's other pages,
 * the longest chain of the page. Every loader uses one of these two schedules instead: they dispatch at
 * the same point as DataLoader's (so each batch holds the same loads), but the batches of loaders that
 * start a chain of calls go first.
 */
type Dispatch = () => void;

let leading: Dispatch[] = [];
let following: Dispatch[] = [];
let flushQueued = false;

function flush(): void {
  flushQueued = false;
  const batches = leading.concat(following);
  leading = [];
  following = [];
  for (const dispatch of batches) dispatch();
}

function queue(list: Dispatch[], dispatch: Dispatch): void {
  list.push(dispatch);
  if (flushQueued) return;
  flushQueued = true;
  // DataLoader's own timing: after the promise jobs already queued (loads made in them join the batch).
  void Promise.resolve().then(() => process.nextTick(flush));
}

/** For a loader whose answers lead to further calls (a first page that decides the next ones). */
export function dispatchLeadingBatch(dispatch: Dispatch): void {
  queue(leading, dispatch);
}

/** For every other loader. */
export function dispatchBatch(dispatch: Dispatch): void {
  queue(following, dispatch);
}
