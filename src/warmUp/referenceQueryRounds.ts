/**
 * Sends the reference queries (`operations/*.graphql`, the pages the frontends show) to a gateway, round
 * after round, each round on pages and images the earlier rounds did not see, so that every round runs the
 * cold path a client's first page runs (loaders, upstream calls, parsing, caching) and not only the cache
 * hits of the round before.
 * - Mutations are left out: they start scans.
 * - A paginated query follows its `pageInfo.endCursor` from round to round, back to the first page after
 *   the last one.
 * - A variable written as a placeholder, `"<ContainerImage.id from ImageDashboard>"`, takes the next `id`
 *   found in the latest answer of the operation it names; until that operation has answered, the query waits
 *   for a later round.
 */
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { Pool } from 'undici';
import type { ReferenceOperation } from '../server/referenceOperations';

export interface RoundsOutcome {
  requests: number;
  /** Requests answered with a status other than 200 or with GraphQL errors. */
  failed: number;
}

interface PreparedQuery {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  paginated: boolean;
}

const PLACEHOLDER = /^<\w+\.id from (\w+)>$/;

/** The queries among `operations`, with their typical variables; documents that do not parse are left out. */
export function prepareReferenceQueries(operations: readonly ReferenceOperation[]): PreparedQuery[] {
  const prepared: PreparedQuery[] = [];
  for (const operation of operations) {
    let definition: OperationDefinitionNode | undefined;
    try {
      definition = parse(operation.document).definitions.find(
        (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
      );
    } catch {
      continue;
    }
    if (definition?.operation !== OperationTypeNode.QUERY) continue;
    prepared.push({
      name: operation.name,
      document: operation.document,
      variables: operation.variables ? (JSON.parse(operation.variables) as Record<string, unknown>) : {},
      paginated: (definition.variableDefinitions ?? []).some((node) => node.variable.name.value === 'after'),
    });
  }
  return prepared;
}

export async function runReferenceQueryRounds(
  graphqlUrl: string,
  queries: readonly PreparedQuery[],
  rounds: number,
  /** Called after each round (tests observe the upstream per round). */
  afterRound: (round: number) => void = () => {},
): Promise<RoundsOutcome> {
  const url = new URL(graphqlUrl);
  const pool = new Pool(url.origin, { connections: 4 });
  const cursors = new Map<string, string>();
  const idsByOperation = new Map<string, string[]>();
  const idTurn = new Map<string, number>();
  const outcome: RoundsOutcome = { requests: 0, failed: 0 };
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        const variables = resolvePlaceholders(query.variables, idsByOperation, idTurn);
        if (!variables) continue;
        const cursor = cursors.get(query.name);
        if (query.paginated && cursor !== undefined) variables['after'] = cursor;
        outcome.requests += 1;
        const answer = await send(pool, url.pathname, query, variables);
        if (!answer) {
          outcome.failed += 1;
          continue;
        }
        idsByOperation.set(query.name, collectIds(answer));
        if (query.paginated) {
          const next = nextCursor(answer);
          if (next === undefined) cursors.delete(query.name);
          else cursors.set(query.name, next);
        }
      }
      afterRound(round);
    }
  } finally {
    await pool.close();
  }
  return outcome;
}

/** The answer's `data`, or undefined when the request failed in any way. */
async function send(
  pool: Pool,
  path: string,
  query: PreparedQuery,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await pool.request({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query.document, operationName: query.name, variables }),
    });
    const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (response.statusCode !== 200 || body.errors !== undefined || !body.data) return undefined;
    return body.data;
  } catch {
    return undefined;
  }
}

/** A copy of `variables` with placeholders replaced, or undefined while a named operation has no ids yet. */
function resolvePlaceholders(
  variables: Record<string, unknown>,
  idsByOperation: ReadonlyMap<string, string[]>,
  idTurn: Map<string, number>,
): Record<string, unknown> | undefined {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    const source = typeof value === 'string' ? PLACEHOLDER.exec(value)?.[1] : undefined;
    if (source === undefined) {
      resolved[name] = value;
      continue;
    }
    const ids = idsByOperation.get(source);
    if (!ids || ids.length === 0) return undefined;
    const turn = idTurn.get(source) ?? 0;
    idTurn.set(source, turn + 1);
    resolved[name] = ids[turn % ids.length];
  }
  return resolved;
}

/** Every string `id` in an answer, in document order. */
function collectIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'id' && typeof field === 'string') into.push(field);
      else collectIds(field, into);
    }
  }
  return into;
}

/** The next page's cursor of the answer's one root connection, if it has a next page. */
function nextCursor(data: Record<string, unknown>): string | undefined {
  for (const root of Object.values(data)) {
    const pageInfo = (root as { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } | null)
      ?.pageInfo;
    if (pageInfo?.hasNextPage && typeof pageInfo.endCursor === 'string') return pageInfo.endCursor;
  }
  return undefined;
}
