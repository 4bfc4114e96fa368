/**
 * After the first page of a list says how many items exist, the rest is fetched in parallel: the
 * critical path is two round trips however long the list, and each page is one call, never more.
 */
export async function withRemainingPages<T>(
  first: { items: readonly T[]; total: number },
  pageSize: number,
  fetchPage: (offset: number) => Promise<{ items: readonly T[] }>,
): Promise<readonly T[]> {
  const offsets: number[] = [];
  // An empty first page ends the list even if the total says otherwise (it would never advance).
  for (let offset = first.items.length; offset < first.total && first.items.length > 0; offset += pageSize) {
    offsets.push(offset);
  }
  // A list of one page is that page's own array: callers may index it once per page (it is cached).
  if (offsets.length === 0) return first.items;
  const rest = await Promise.all(offsets.map(fetchPage));
  return [first, ...rest].flatMap((page) => [...page.items]);
}
