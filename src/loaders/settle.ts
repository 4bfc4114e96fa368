/**
 * DataLoader wants one value or Error per key, in key order. A failed upstream call must fail only the
 * keys it served (one image's statistics failing leaves the other 19 intact), so results are settled.
 */
export function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

export async function settleEach<K, V>(
  keys: readonly K[],
  load: (key: K) => Promise<V>,
): Promise<(V | Error)[]> {
  const settled = await Promise.allSettled(keys.map((key) => load(key)));
  return settled.map((result) => (result.status === 'fulfilled' ? result.value : asError(result.reason)));
}
