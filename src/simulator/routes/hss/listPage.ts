/** One page of a list the simulator holds whole, in the HSS `{ total_num, data_list }` shape. */
import type { HssPage } from '../../../upstream/hss/types';
import type { RouteResult } from '../types';

export function listPage<T>(items: readonly T[], offset: number, limit: number): RouteResult {
  const body: HssPage<T> = { total_num: items.length, data_list: items.slice(offset, offset + limit) };
  return { status: 200, body };
}
