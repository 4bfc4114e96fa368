/**
 * Markdown for the issue-11 scenarios: cold pages, first request, soak, CPU profile, and the targets table.
 */
import type { ScenarioResults } from './scenarios';

const f = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const pct = (share: number): string => (Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : '—');
const server = (r: { server: string; implementation: string }): string =>
  r.server === r.implementation ? r.server : `${r.server} (=${r.implementation})`;

/** A caption, a markdown table of `rows` under `header`, and a blank line. */
function table(caption: string, header: readonly string[], rows: readonly string[][]): string[] {
  return [
    caption,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---|').join('')}`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
  ];
}

export function renderScenarios(scenarios: ScenarioResults | undefined): string[] {
  if (!scenarios) return [];
  const out: string[] = [];
  const latency = scenarios.latencyProfileMs;
  out.push(`### ImageDashboard scenarios at ${latency} ms per upstream call`, '');

  if (scenarios.coldPages.length > 0) {
    out.push(
      ...table(
        'Cache-cold page in a warm process (one repository each, 3–5 images, each page once; floor = levels × latency):',
        [
          'server',
          'pages cold / measured',
          'calls per page (min–max)',
          'p50 ms',
          'p90 ms',
          'min–max ms',
          'floor ms',
          'own ms (p50 − floor)',
        ],
        scenarios.coldPages.map((r) => [
          server(r),
          `${r.coldPages} / ${r.pages.length}`,
          `${r.callsPerPage.min}–${r.callsPerPage.max}`,
          f(r.p50Ms),
          f(r.p90Ms),
          `${f(r.minMs)}–${f(r.maxMs)}`,
          String(r.floorMs),
          f(r.ownMsP50),
        ]),
      ),
      ...table(
        "The same cold pages from inside each server (critical-path probe, bench/probe/; p50 each; measured floor = list call + the longest chain of join calls (each sent after the previous answered) as the server saw them, the simulator's service time included):",
        [
          'server',
          'pages probed / cold',
          'outside ms',
          'in-server ms',
          'list call ms',
          'join chain ms (of which sent → written)',
          'measured floor ms',
          'own ms (in-server − measured floor)',
          'own ms p90',
          'nominal floor ms',
          'outside − nominal floor',
        ],
        scenarios.coldPages.map((r) => {
          const p = r.inServer;
          return [
            server(r),
            `${p.pages} / ${r.coldPages}`,
            f(p.outsideMsP50),
            f(p.inServerMsP50),
            f(p.listMsP50),
            `${f(p.joinChainMsP50)} (${f(p.joinChainWaitMsP50)})`,
            f(p.measuredFloorMsP50),
            f(p.ownMsP50),
            f(p.ownMsP90),
            String(r.floorMs),
            f(p.outsideMsP50 - r.floorMs),
          ];
        }),
      ),
    );
  }

  if (scenarios.timeline.length > 0) {
    out.push(
      ...table(
        "Where a cold page's time goes (medians; upstream calls timed by a recording proxy, which adds a hop: separate pages from those above):",
        [
          'server',
          'pages',
          'total ms',
          'request → list call',
          'list call',
          'list answer → first join',
          'join calls',
          'join calls spread',
          'joins',
          'last join answer → response',
        ],
        scenarios.timeline.map((r) => {
          const m = r.median;
          return [
            server(r),
            String(r.pages.length),
            f(m.totalMs),
            f(m.requestToListMs),
            f(m.listMs),
            f(m.listToJoinsMs),
            f(m.joinCalls, 0),
            f(m.joinSpreadMs),
            f(m.joinsMs),
            f(m.lastJoinToResponseMs),
          ];
        }),
      ),
    );
  }

  if (scenarios.firstRequest.length > 0) {
    out.push(
      ...table(
        'First ImageDashboard(20) after start (fresh process, from readiness; floor = levels × latency, + 1 level when the token was not fetched at start):',
        [
          'server',
          'starts',
          'first request ms (median; each)',
          'floor ms',
          'token at start',
          'upstream calls',
          'spawn → ready ms (median)',
        ],
        scenarios.firstRequest.map((r) => [
          server(r),
          String(r.starts.length),
          `${f(r.medianMs)} (${r.starts.map((s) => f(s.ms, 0)).join(', ')})`,
          f(r.medianFloorMs, 0),
          r.starts.map((s) => (s.tokenFetchedAtStart ? 'yes' : 'no')).join(', '),
          r.starts.map((s) => s.upstream).join(', '),
          f(r.medianStartupMs, 0),
        ]),
      ),
      ...table(
        'The same first requests from inside each server (critical-path probe; medians; measured floor = the token call when the request waited for it + list + the longest chain of join calls; nominal floor = the levels on that path × latency):',
        [
          'server',
          'starts probed',
          'outside ms',
          'in-server ms',
          'token wait ms',
          'list call ms',
          'join chain ms (of which sent → written)',
          'levels',
          'measured floor ms',
          'own ms (in-server − measured floor)',
          'nominal floor ms',
        ],
        scenarios.firstRequest.map((r) => {
          const p = r.inServer;
          return [
            server(r),
            `${p.pages} / ${r.starts.length}`,
            f(p.outsideMsP50),
            f(p.inServerMsP50),
            f(p.tokenMsP50),
            f(p.listMsP50),
            `${f(p.joinChainMsP50)} (${f(p.joinChainWaitMsP50)})`,
            f(p.levelsP50, 0),
            f(p.measuredFloorMsP50),
            f(p.ownMsP50),
            f(r.medianFloorMs, 0),
          ];
        }),
      ),
    );
  }

  const network = scenarios.networkFirstRequest;
  if (network) {
    out.push(
      ...table(
        `First ImageDashboard(20) after start over TLS with a ${f(network.roundTripMs, 0)} ms round trip (bench/networkPath.ts: a delay proxy and a TLS terminator in front of the simulator, all four endpoints at its one https origin; ` +
          `the rows' starts alternate; floor = levels × (latency + round trip) = levels × ${f(network.levelMs, 0)} ms, every connection already open: a new one adds at least its TLS handshake's round trip; in-server figures are medians from the critical-path probe, as in the table above):`,
        [
          'server',
          'starts',
          'first request ms (median; each)',
          'floor ms',
          'new connections during the request (median; each)',
          'upstream calls (minimum)',
          'token at start',
          'in-server: list call ms',
          'join chain ms (of which sent → written)',
          'measured floor ms',
          'own ms',
          'spawn → ready ms (median)',
        ],
        network.variants.map((v) => [
          v.name,
          String(v.starts.length),
          `${f(v.medianMs)} (${v.starts.map((s) => f(s.ms, 0)).join(', ')})`,
          f(v.medianFloorMs, 0),
          `${f(v.medianNewConnections, 0)} (${v.starts.map((s) => s.newConnections).join(', ')})`,
          v.starts.map((s) => `${s.upstream} (${s.minimumCalls ?? '—'})`).join(', '),
          v.starts.map((s) => (s.tokenFetchedAtStart ? 'yes' : 'no')).join(', '),
          f(v.inServer.listMsP50),
          `${f(v.inServer.joinChainMsP50)} (${f(v.inServer.joinChainWaitMsP50)})`,
          f(v.inServer.measuredFloorMsP50),
          f(v.inServer.ownMsP50),
          f(v.medianStartupMs, 0),
        ]),
      ),
    );
  }

  if (scenarios.soak.length > 0) {
    out.push(
      ...table(
        'RSS soak (ImageDashboard(20) warm, VmRSS every 5 s; start after the warm-up; gateway only):',
        [
          'server',
          'seconds',
          'connections',
          'req/s',
          'RSS MB start',
          'mid',
          'peak',
          'end',
          'end ÷ start',
          'end ÷ mid',
          'first-minute median',
          'last-minute median',
          'last ÷ first minute',
          'trend line start → end MB (end ÷ start)',
          'VmHWM MB',
        ],
        scenarios.soak.map((r) => [
          server(r),
          f(r.seconds, 0),
          String(r.connections),
          f(r.requestsPerSecond, 0),
          f(r.startRssMb),
          f(r.midRssMb),
          f(r.peakRssMb),
          f(r.endRssMb),
          f(r.endOverStart, 3),
          f(r.endOverMid, 3),
          f(r.firstMinuteMedianMb),
          f(r.lastMinuteMedianMb),
          f(r.lastOverFirstMinute, 3),
          `${f(r.trendStartMb)} → ${f(r.trendEndMb)} (${f(r.trendEndOverStart, 3)})`,
          f(r.vmHwmMb),
        ]),
      ),
    );
  }

  for (const p of scenarios.cpuProfile) {
    out.push(
      `CPU profile of the warm ImageDashboard(20) load (${server(p)}, c${p.connections}, ${f(p.windowMs / 1000)} s${p.windowed ? '' : ', whole process: the window matched no sample'}; ` +
        `${p.requests} requests, ${f(p.busyMsPerRequest, 2)} ms sampled CPU per request under the profiler; shares of busy time; \`${p.file}\`):`,
      '',
      `GC ${pct(p.headline.gc)} · graphql-js execution ${pct(p.headline.graphqlExecution)} (rest of graphql-js ${pct(p.headline.graphqlOther)})` +
        ` · Apollo plugins ${pct(p.headline.apolloPlugins)} (rest of Apollo Server ${pct(p.headline.apolloOther)}) · our code ${pct(p.headline.ourCode)}: ` +
        (p.ourCodeByDir.map((d) => `${d.name} ${pct(d.share)}`).join(', ') || '—'),
      '',
      `Groups: ${p.groups.map((g) => `${g.name} ${pct(g.share)}`).join(' · ')}`,
      '',
      '| top self time | share | ms | group | where |',
      '|---|---|---|---|---|',
      ...p.topSelf.map(
        (t) => `| \`${t.name}\` | ${pct(t.share)} | ${f(t.ms)} | ${t.group} | ${t.location} |`,
      ),
      '',
    );
  }

  out.push(
    'Targets (issue 11; informational, never a failing check):',
    '',
    '| target | measured | goal | met |',
    '|---|---|---|---|',
    ...scenarios.targets.map(
      (t) => `| ${t.target} | ${t.measured} | ${t.goal} | ${t.met === null ? '—' : t.met ? 'yes' : 'no'} |`,
    ),
    '',
  );
  return out;
}
