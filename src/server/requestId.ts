import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** One id per request, however many places ask for it (the response header, the GraphQL context, logs). */
const assigned = new WeakMap<IncomingMessage, string>();

/** Keeps a caller's `X-Request-Id` when it is sane (it ties logs across services), else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  let id = assigned.get(request);
  if (id === undefined) {
    const given = request.headers['x-request-id'];
    const value = Array.isArray(given) ? given[0] : given;
    id = value && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
    assigned.set(request, id);
  }
  return id;
}
