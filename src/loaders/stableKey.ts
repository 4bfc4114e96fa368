/** A cache key for a query object: JSON with sorted keys and `undefined` left out, so equal queries match. */
export function stableKey(value: object): string {
  const entries = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
