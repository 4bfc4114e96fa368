/**
 * The benchmark's critical-path probe: the computation on hand-made records (in-server time, measured floor
 * = token wait + list call + slowest join call, own time), and the preload itself in a real server process
 * that calls a real upstream with undici and with node:http, read back through ProbeLog.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT } from '../../bench/measure';
import {
  criticalPath,
  summarizeCriticalPaths,
  type ProbedCall,
  type ProbeRecord,
} from '../../bench/probe/criticalPath';
import { ProbeLog } from '../../bench/probe/probeLog';
import { spawnPinned, stop, type Managed } from '../../bench/processes';

const call = (path: string, sentMs: number, endMs: number | null, writtenMs = sentMs): ProbedCall => ({
  client: 'undici',
  method: 'GET',
  path,
  sentMs,
  writtenMs,
  headersMs: endMs,
  endMs,
  status: 200,
  error: null,
});
const LIST = '/v5/p1/image/registries/images';
const TOKEN = '/v3/auth/tokens';
const join = (i: number): string => `/v5/p1/image/${i}/files/statistic`;
const page = (calls: ProbedCall[], overrides: Partial<ProbeRecord> = {}): ProbeRecord => ({
  method: 'POST',
  path: '/graphql',
  startMs: 100,
  finishMs: 148.6,
  concurrent: 1,
  calls,
  ...overrides,
});

describe('criticalPath (hand-made records)', () => {
  it('a warm cold page: floor = list call + slowest join (a chain of one), own = the rest of the time in the server', () => {
    const record = page([
      call(LIST, 100.9, 122.6),
      call(join(1), 123.8, 145.0),
      call(join(2), 123.9, 147.1), // the slowest join: 23.2 ms
      call(join(3), 124.0, 146.0),
    ]);
    const path = criticalPath(record);
    expect(path).not.toBeNull();
    expect(path?.inServerMs).toBeCloseTo(48.6, 6);
    expect(path?.listMs).toBeCloseTo(21.7, 6);
    expect(path?.joinChainMs).toBeCloseTo(23.2, 6);
    expect(path?.tokenMs).toBe(0);
    expect(path?.measuredFloorMs).toBeCloseTo(44.9, 6);
    expect(path?.ownMs).toBeCloseTo(3.7, 6);
    expect(path?.joinCalls).toBe(3);
  });

  it('a first request that fetched the IAM token first: the token call is part of the floor', () => {
    const record = page(
      [
        call(TOKEN, 101, 123),
        call(LIST, 124, 146),
        call(join(1), 147, 168),
        call(join(2), 147.2, 170, 149.7), // the slowest, after 2.5 ms connecting
      ],
      { finishMs: 172 },
    );
    const path = criticalPath(record);
    expect(path?.tokenMs).toBeCloseTo(22, 6);
    expect(path?.listMs).toBeCloseTo(22, 6);
    expect(path?.joinChainMs).toBeCloseTo(22.8, 6);
    expect(path?.joinChainWaitMs).toBeCloseTo(2.5, 6);
    expect(path?.joinChainPaths).toEqual([join(2)]);
    expect(path?.levels).toBe(3);
    expect(path?.measuredFloorMs).toBeCloseTo(66.8, 6);
    expect(path?.inServerMs).toBeCloseTo(72, 6);
    expect(path?.ownMs).toBeCloseTo(5.2, 6);
  });

  it('a join that needed an answer first (a list’s remaining pages after its first page) chains: both count', () => {
    const record = page(
      [
        call(LIST, 100, 122),
        call(join(1), 123, 145),
        call(join(2), 123.2, 147), // the first page of a second list: 23.8 ms
        call(join(3), 148, 170), // its remaining page, sent once the first had answered
      ],
      { finishMs: 172 },
    );
    const path = criticalPath(record);
    expect(path?.joinChainPaths).toEqual([join(2), join(3)]);
    expect(path?.joinChainMs).toBeCloseTo(23.8 + 22, 6);
    expect(path?.levels).toBe(3);
    expect(path?.measuredFloorMs).toBeCloseTo(22 + 45.8, 6);
    expect(path?.ownMs).toBeCloseTo(72 - 67.8, 6);
  });

  it('a token call the process started at boot counts only from the request start (the wait for it)', () => {
    const record = page([call(TOKEN, 80, 110), call(LIST, 111, 132), call(join(1), 133, 154)], {
      finishMs: 156,
    });
    const path = criticalPath(record);
    expect(path?.tokenMs).toBeCloseTo(10, 6);
    expect(path?.measuredFloorMs).toBeCloseTo(10 + 21 + 21, 6);
    expect(path?.ownMs).toBeCloseTo(56 - 52, 6);
  });

  it('leaves out calls not on the page’s path: still open at its finish, or sent before it began', () => {
    const record = page([
      call(join(9), 90, 120), // another request's join, still answering when this one began
      call(LIST, 101, 122),
      call(join(1), 123, 144),
      call(join(2), 124, null), // a background refresh, open when the response left
      call(join(3), 140, 160), // ended after the response: not waited for
    ]);
    const path = criticalPath(record);
    expect(path?.joinCalls).toBe(1);
    expect(path?.joinChainMs).toBeCloseTo(21, 6);
    expect(path?.measuredFloorMs).toBeCloseTo(42, 6);
  });

  it('gives no figure for a page another request overlapped, or one without a list call (not cold)', () => {
    expect(criticalPath(page([call(LIST, 101, 122)], { concurrent: 2 }))).toBeNull();
    expect(criticalPath(page([call(join(1), 101, 122)]))).toBeNull();
    expect(criticalPath(page([]))).toBeNull();
  });

  it('summarizes p50 of each page’s own time, not the difference of the p50s', () => {
    const a = criticalPath(page([call(LIST, 101, 121), call(join(1), 121, 141)], { finishMs: 150 }));
    const b = criticalPath(page([call(LIST, 101, 131), call(join(1), 131, 161)], { finishMs: 162 }));
    const c = criticalPath(page([call(LIST, 101, 121), call(join(1), 121, 141)], { finishMs: 143 }));
    const summary = summarizeCriticalPaths([a, b, c].filter((p) => p !== null));
    expect(summary.pages).toBe(3);
    // own: 10, 2, 3 → p50 3; in-server 50, 62, 43 → 50; floor 40, 60, 40 → 40
    expect(summary.ownMsP50).toBeCloseTo(3, 6);
    expect(summary.inServerMsP50).toBeCloseTo(50, 6);
    expect(summary.measuredFloorMsP50).toBeCloseTo(40, 6);
  });
});

/**
 * The probe writes a line when the response has been handed to the socket, which can be a moment after the
 * client has read it: wait (briefly) for `count` lines.
 */
async function lines(log: ProbeLog, count: number): Promise<ProbeRecord[]> {
  const records: ProbeRecord[] = [];
  for (let i = 0; i < 100 && records.length < count; i += 1) {
    records.push(...log.readNew());
    if (records.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return records;
}

// A tiny server under test: POST /page calls the upstream's /list with undici, then /join with node:http,
// then answers; GET /health answers at once. It prints its port.
const SERVER_UNDER_TEST = `
const http = require('node:http');
const { request } = require('undici');
const upstream = process.env.UPSTREAM;
const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST') { res.end('ok'); return; }
  for await (const _ of req) {}
  const list = await request(upstream + '/list?offset=0&limit=5');
  const listText = await list.body.text();
  const joinText = await new Promise((resolve, reject) => {
    http.get(upstream + '/join?id=7', (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk) => (text += chunk));
      answer.on('end', () => resolve(text));
    }).on('error', reject);
  });
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ list: listText, join: joinText }));
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

describe('criticalPathProbe.cjs preloaded into a real server', () => {
  let upstream: Server;
  let upstreamUrl: string;
  let child: Managed | undefined;
  let log: ProbeLog | undefined;

  beforeAll(async () => {
    // Answers /list after 30 ms and /join after 20 ms, each in two chunks so "answered" means the last byte.
    upstream = createServer((req, res) => {
      const delay = req.url?.startsWith('/list') ? 30 : 20;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first half,');
      setTimeout(() => res.end(req.url), delay);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    if (child) await stop(child, 2000);
    child = undefined;
    log?.remove();
    log = undefined;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  async function start(withLog: boolean): Promise<{ url: string; log: ProbeLog }> {
    log = new ProbeLog();
    const slot = log.probed({
      kind: 'gateway',
      implementation: 'gateway',
      command: [process.execPath, '-e', SERVER_UNDER_TEST],
    });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...slot.env, UPSTREAM: upstreamUrl };
    if (!withLog) delete env.BENCH_PROBE_LOG;
    const [node, ...args] = slot.command as [string, ...string[]];
    child = spawnPinned('probed server', node, args, { env, core: null, cwd: ROOT });
    const line = await child.waitForLine(/^port \d+$/, 10_000);
    return { url: `http://127.0.0.1:${line.slice('port '.length)}`, log };
  }

  it('writes one line per request with its upstream calls from both clients, in order', async () => {
    const { url, log: probeLog } = await start(true);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const answer = await fetch(`${url}/page?x=1`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      list: 'first half,/list?offset=0&limit=5',
      join: 'first half,/join?id=7',
    });

    const records = await lines(probeLog, 2);
    expect(records.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /health', 'POST /page']);
    expect(records[0]?.calls).toEqual([]);
    const record = records[1] as ProbeRecord;
    expect(record.concurrent).toBe(1);
    expect(record.calls.map((c) => [c.client, c.method, c.path, c.status, c.error])).toEqual([
      ['undici', 'GET', '/list', 200, null],
      ['http', 'GET', '/join', 200, null],
    ]);
    const [list, joined] = record.calls as [ProbedCall, ProbedCall];
    // Ordered as the server lived it: start → list sent → list headers → list end → join … → finish.
    const times = [
      record.startMs,
      list.sentMs,
      list.writtenMs,
      list.headersMs,
      list.endMs,
      joined.sentMs,
      joined.writtenMs,
      joined.headersMs,
    ];
    expect(times.every((t) => typeof t === 'number')).toBe(true);
    expect(times.every((t, i) => i === 0 || (t as number) >= (times[i - 1] as number))).toBe(true);
    expect(joined.endMs as number).toBeLessThanOrEqual(record.finishMs);
    // "Answered" is the last byte, which the upstream sends only after its delay.
    expect((list.endMs as number) - list.sentMs).toBeGreaterThanOrEqual(29);
    expect((joined.endMs as number) - joined.sentMs).toBeGreaterThanOrEqual(19);

    const path = criticalPath(record, { token: /\/auth\/tokens$/, list: /^\/list$/ });
    expect(path?.joinCalls).toBe(1);
    expect(path?.measuredFloorMs).toBeCloseTo(
      (list.endMs as number) - list.sentMs + ((joined.endMs as number) - joined.sentMs),
      6,
    );
    expect(path?.ownMs).toBeCloseTo((path?.inServerMs ?? NaN) - (path?.measuredFloorMs ?? NaN), 6);
    expect(path?.ownMs).toBeGreaterThanOrEqual(0);
  });

  it('marks overlapping requests as concurrent, each with the calls sent while it was in flight', async () => {
    const { url, log: probeLog } = await start(true);
    const answers = await Promise.all([1, 2].map(() => fetch(`${url}/page`, { method: 'POST', body: '{}' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await Promise.all(answers.map((a) => a.text()));
    const records = await lines(probeLog, 2);
    expect(records.map((r) => r.path)).toEqual(['/page', '/page']);
    expect(records.map((r) => r.concurrent)).toEqual([2, 2]);
    expect(records.every((r) => criticalPath(r, { token: /^$/, list: /^\/list$/ }) === null)).toBe(true);
  });

  it('does nothing without BENCH_PROBE_LOG', async () => {
    const { url, log: probeLog } = await start(false);
    expect((await fetch(`${url}/page`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(existsSync(probeLog.file)).toBe(false);
  });
});
