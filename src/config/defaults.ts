/**
 * Every default setting of the gateway, in one table. `loadConfig` reads the environment over it, and
 * code that assembles parts of the gateway from a partial setting (tests, the benchmark) merges over it;
 * nothing else carries a default of its own.
 */
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULTS = {
  server: {
    port: 4000,
    host: '127.0.0.1',
    requestTimeoutMs: 15 * SECOND,
    maxBodyBytes: 1024 * 1024,
    shutdownGraceMs: 10 * SECOND,
    // During a shutdown, how long a kept-alive connection may carry nothing before it is closed. A request a
    // client had already sent on it (a round trip inside a cluster is well under 10 ms; a busy client or a
    // GC pause adds tens) arrives long before, and is served with `Connection: close`; a shutdown with
    // nothing in flight still ends after about a second. Node closes idle connections after its own 5 s
    // keep-alive timeout anyway. Never longer than `shutdownGraceMs`.
    shutdownIdleGraceMs: 1 * SECOND,
    // Rounds of the reference queries run against a loopback simulator before listening, so the first
    // client pages run compiled code (see src/warmUp); 0 turns the warm-up off.
    warmUpRounds: 20,
  },
  graphql: {
    maxDepth: 12,
    maxAliases: 15,
    maxTokens: 2000,
    maxCost: 5000,
    // A whole response lives no longer than the freshest-expiring upstream answer in it, and never longer
    // than this (lists are fresh for 30 s: a response reused longer would hide their refresh).
    responseCache: { enabled: true, maxTtlMs: 30 * SECOND },
  },
  upstream: {
    timeouts: { connectMs: 5 * SECOND, headersMs: 10 * SECOND, bodyMs: 10 * SECOND },
    // A 100-image page fans out to ~200 concurrent per-image calls on one origin; 16 serialized them.
    connectionsPerOrigin: 64,
    // Opened to each service origin before listening, so the first pages do not wait for TCP and TLS
    // handshakes. A cold 20-row ImageDashboard sends up to 41 calls at once when the HSS quota lets it
    // (20 file statistics, 20 software lists, 1 SWR page), one on the list call's connection. Spares no
    // request takes are closed after `preopenedIdleMs`. 0 opens none.
    preopenConnections: 40,
    // A pre-opened connection is closed if no request takes it within this long (servers drop a connection
    // that carries no request after tens of seconds; a replica gets traffic within seconds of readiness).
    preopenedIdleMs: 10 * SECOND,
    // A 200-item HSS page is well under 1 MiB; a body far larger is a fault, not data.
    maxResponseBytes: 16 * 1024 * 1024,
    // IAM tokens live 24 h; renewing an hour early leaves room for an IAM hiccup.
    tokenRefreshAheadMs: HOUR,
    // Start-up waits this long for the first token before listening (one IAM round trip is well under
    // it); an IAM that is slower or down only delays the start by this much.
    credentialsWaitMs: 2 * SECOND,
  },
  pipeline: {
    cache: {
      maxEntries: 10_000,
      maxBytes: 64 * 1024 * 1024,
      // What HSS holds for one image at one scan state never changes; a day bounds memory held for
      // images nobody looks at any more.
      immutableTtlMs: 24 * HOUR,
      listFreshMs: 30 * SECOND,
      listStaleMs: 5 * MINUTE,
      // How long an expired entry is still kept to answer (marked stale) when a call cannot be made.
      maxStaleMs: HOUR,
    },
    quota: {
      enabled: true,
      // HSS: at most 5 calls per API per user in any 60 s window. SWR and Workspace document only the
      // API gateway's default of 200 calls per second per API. IAM: no number; tokens are cached.
      hss: { calls: 5, windowMs: MINUTE },
      swr: { calls: 200, windowMs: SECOND },
      workspace: { calls: 200, windowMs: SECOND },
      // Added to every window: the upstream's clock and ours may disagree, and a call admitted at the
      // very end of our window may arrive at the start of the upstream's next one.
      marginMs: SECOND,
      // Slots of each window that queued warm-ups never take, so a fresh client request still finds one.
      interactiveReserve: 1,
      // Long enough to absorb a slot that frees within a request, short enough that a response is not held.
      maxWaitMs: 250,
      // 100 queued HSS warm-ups is 20 minutes of one API's budget; beyond that a refusal is not queued.
      maxQueuePerApi: 100,
      // After an upstream 429: pause the API at least this long, doubling on repeated 429s, at most one window.
      backoffMinMs: 2 * SECOND,
      backoffMaxMs: MINUTE,
    },
    breaker: { failureThreshold: 5, openMs: 30 * SECOND },
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2 * SECOND },
    // Replicas sharing Redis: how long one holds a call others wait for. Longer than one upstream round
    // trip with retries; if the holder dies, the others call themselves after it.
    coalescing: { leaseMs: 15 * SECOND },
  },
  redis: {
    // Shared state must never stall an upstream call: a slow Redis is treated as away, and the replica
    // decides locally (its share of the quota, local coalescing, cache misses).
    commandTimeoutMs: 500,
    // Larger results are not written to the shared cache (a 200-item HSS page is well under this).
    cacheMaxValueBytes: 2 * 1024 * 1024,
    // Start-up waits this long for Redis, then goes on without it (and joins in when it answers).
    readyTimeoutMs: 2 * SECOND,
    // A replica counts as live for three beats; the fleet's count sets each replica's fallback share.
    heartbeatIntervalMs: 5 * SECOND,
    // Replicas a replica assumes until it has reached Redis once (it may start while Redis is down): its
    // fallback share is 1/N of the budget. The compose topology and the deploy overlay run three.
    expectedReplicas: 3,
    // While in fallback, one call at most this often tries Redis again.
    fallbackProbeIntervalMs: SECOND,
    // After rejoining, the other replicas rejoin within their reconnect backoff (≤ 2.4 s) plus one probe
    // interval; until their local admissions have left the window, each replica also keeps to its share.
    rejoinGraceMs: 5 * SECOND,
    // How long a published in-flight outcome stays readable for waiters that subscribed late.
    inflightOutcomeTtlMs: 10 * SECOND,
    // Longest gap between two looks at a lease while waiting (covers announcements lost in a reconnect).
    inflightRecheckMs: SECOND,
  },
  tracing: {
    serviceName: 'hwc-image-graph-gateway',
    // Follows the client's sampling decision; a trace the gateway starts itself is always kept.
    sampler: 'parentbased_always_on',
    samplerRatio: 1,
  },
  simulator: { seed: 1, imageCount: 300, rateLimits: false, port: 0 },
  logLevel: 'info',
} as const;
