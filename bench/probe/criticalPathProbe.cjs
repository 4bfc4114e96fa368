/**
 * Benchmark-only preload (`node --require bench/probe/criticalPathProbe.cjs …`): times each request the
 * server under test answers and every upstream call it makes meanwhile, from inside that process, through
 * node:diagnostics_channel — so the same probe works for the gateway (undici) and the baseline (node-fetch
 * over node:http) without touching either. Writes one JSON line per answered request to the file named by
 * BENCH_PROBE_LOG; does nothing at all when that is unset. Never loaded by the product.
 *
 * Line: { method, path, startMs, finishMs, concurrent, calls: [{ client, method, path, sentMs, writtenMs,
 * headersMs, endMs, status, error }] } — `sentMs`: the client library was asked; `writtenMs`: the request
 * went onto a connected socket (after any connect or wait for a free pool connection) — times are performance.now() of the server process; `path` has no
 * query string; `concurrent` is the most requests this process had in flight during this one (1: alone).
 * An upstream call belongs to every request in flight when it was sent (the benchmark's probed requests
 * are sequential, so that is exactly one; a record with concurrent > 1 cannot be attributed), and to a
 * request that begins while it is still open (e.g. the IAM token call a fresh process started at boot,
 * which its first request may have to wait for).
 */
'use strict';

const file = process.env.BENCH_PROBE_LOG;
if (file) install(file);

function install(logFile) {
  const diagnostics = require('node:diagnostics_channel');
  const { openSync, writeSync } = require('node:fs');
  const { performance } = require('node:perf_hooks');

  const now = () => performance.now();
  const withoutQuery = (path) => String(path ?? '/').split('?')[0];
  /** @type {Map<object, any>} server request (IncomingMessage) → its record, while in flight */
  const inFlight = new Map();
  /** @type {WeakMap<object, any>} client request (undici Request or http.ClientRequest) → its call */
  const calls = new WeakMap();
  /** Calls sent and not yet ended. */
  const open = new Set();
  let fd;

  function write(record) {
    fd ??= openSync(logFile, 'a');
    writeSync(fd, `${JSON.stringify(record)}\n`);
  }

  function begin(request) {
    const record = {
      method: request.method,
      path: withoutQuery(request.url),
      startMs: now(),
      finishMs: null,
      concurrent: 1,
      calls: [...open],
    };
    inFlight.set(request, record);
    for (const other of inFlight.values()) other.concurrent = Math.max(other.concurrent, inFlight.size);
  }

  function callSent(clientRequest, client, method, path) {
    const call = {
      client,
      method,
      path: withoutQuery(path),
      sentMs: now(),
      writtenMs: null,
      headersMs: null,
      endMs: null,
      status: null,
      error: null,
    };
    calls.set(clientRequest, call);
    open.add(call);
    for (const record of inFlight.values()) record.calls.push(call);
    return call;
  }

  function callEnded(clientRequest, error) {
    const call = calls.get(clientRequest);
    if (!call || call.endMs !== null) return;
    call.endMs = now();
    open.delete(call);
    if (error) call.error = String(error.code ?? error.message ?? error);
  }

  // The server side: one record per request, written when the response has been handed to the socket.
  diagnostics.subscribe('http.server.request.start', ({ request, response }) => {
    begin(request);
    // A client that leaves before the answer: no finish, so drop the record instead of keeping it forever.
    response.once('close', () => inFlight.delete(request));
  });
  diagnostics.subscribe('http.server.response.finish', ({ request }) => {
    const record = inFlight.get(request);
    if (!record) return;
    inFlight.delete(request);
    record.finishMs = now();
    write(record);
  });

  // undici (the gateway's pools): created → response headers → last body byte (trailers) or error.
  diagnostics.subscribe('undici:request:create', ({ request }) => {
    callSent(request, 'undici', request.method, request.path);
  });
  diagnostics.subscribe('undici:client:sendHeaders', ({ request }) => {
    const call = calls.get(request);
    if (call && call.writtenMs === null) call.writtenMs = now();
  });
  diagnostics.subscribe('undici:request:headers', ({ request, response }) => {
    const call = calls.get(request);
    if (!call) return;
    call.headersMs = now();
    call.status = response.statusCode;
  });
  diagnostics.subscribe('undici:request:trailers', ({ request }) => callEnded(request));
  diagnostics.subscribe('undici:request:error', ({ request, error }) => callEnded(request, error));

  // node:http clients (node-fetch in the baseline). `http.client.response.finish` is published when the
  // response headers are in, not its body, so the call ends at the response's own 'end'.
  diagnostics.subscribe('http.client.request.start', ({ request }) => {
    const call = callSent(request, 'http', request.method, request.path);
    request.once('error', (error) => callEnded(request, error));
    // Headers go out once the request has a connected socket (a kept-alive one at once).
    const written = () => {
      if (call.writtenMs === null) call.writtenMs = now();
    };
    // (The agent may have assigned the socket before this message, its 'socket' event already emitted.)
    const onSocket = (socket) => (socket.connecting ? socket.once('connect', written) : written());
    if (request.socket) onSocket(request.socket);
    else request.once('socket', onSocket);
  });
  diagnostics.subscribe('http.client.response.finish', ({ request, response }) => {
    const call = calls.get(request);
    if (!call) return;
    call.headersMs = now();
    call.status = response.statusCode;
    response.once('end', () => callEnded(request));
    response.once('close', () => callEnded(request, response.complete ? undefined : 'aborted'));
  });
}
