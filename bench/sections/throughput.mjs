// 2. Throughput of /api/send against direct sandbox calls, and 6. sandbox
// logins per second, each beside its anchor, runs interleaved.
import {
  JSON_TYPE,
  LOGIN_BODY,
  listEnvelope,
  listUrl,
  loginUrl,
  sendHeaders,
} from '../lib/envelopes.mjs'
import { runAutocannon } from '../lib/load.mjs'
import { makeRow } from '../lib/rows.mjs'
import { interleave, median, round } from '../lib/stats.mjs'

const CONNECTIONS = 16

/** Runs each named load `rounds` times, alternating, after one warm-up. */
async function compareLoads(loads, { rounds, durationSeconds }) {
  const runs = Object.fromEntries(Object.keys(loads).map((name) => [name, []]))
  for (const options of Object.values(loads)) {
    await runAutocannon({ ...options, durationSeconds: 1 })
  }
  await interleave(
    rounds,
    Object.entries(loads).map(([name, options]) => async () => {
      const result = await runAutocannon({ ...options, durationSeconds })
      const non2xx = options.isNon2xxExpected ? 0 : result.non2xx
      if (non2xx > 0 || result.errors > 0) {
        throw new Error(
          `${name}: ${result.non2xx} non-2xx, ${result.errors} errors`,
        )
      }
      runs[name].push(result)
    }),
  )
  const medians = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      median(list.map((run) => run.requestsPerSecond)),
    ]),
  )
  return { runs, medians }
}

export async function measureThroughput({ app, quick }) {
  const timing = { rounds: quick ? 1 : 3, durationSeconds: quick ? 2 : 8 }
  const { runs, medians } = await compareLoads(
    {
      direct: {
        url: listUrl(app.origin),
        headers: { authorization: 'SAMPLE' },
        connections: CONNECTIONS,
      },
      send: {
        url: `${app.origin}/api/send`,
        method: 'POST',
        headers: sendHeaders(app.origin),
        body: JSON.stringify(listEnvelope(app.origin)),
        connections: CONNECTIONS,
      },
    },
    timing,
  )
  const rows = [
    makeRow({
      id: 'send-throughput',
      section: '2. Throughput',
      figure: `/api/send GET /ds-connections, ${CONNECTIONS} connections`,
      value: round(medians.send),
      unit: 'req/s',
      anchorName: 'direct sandbox calls',
      anchor: round(medians.direct),
      target: { on: 'ratio', op: '>=', limit: 0.45, text: '≥ 0.45 × direct' },
    }),
  ]
  return { rows, detail: { connections: CONNECTIONS, ...timing, runs } }
}

export async function measureLogins({ app, bareSandbox, quick }) {
  const timing = { rounds: quick ? 1 : 3, durationSeconds: quick ? 2 : 8 }
  const login = {
    method: 'POST',
    headers: JSON_TYPE,
    body: LOGIN_BODY,
    connections: CONNECTIONS,
  }
  const { runs, medians } = await compareLoads(
    {
      next: { ...login, url: loginUrl(app.origin) },
      bare: { ...login, url: loginUrl(bareSandbox.origin) },
      // Next's own ceiling here: the sandbox route answering an unknown
      // path with its small 404 page, almost no sandbox work.
      floor: {
        url: `${app.origin}/sandbox/api/v1/no-such-endpoint`,
        connections: CONNECTIONS,
        isNon2xxExpected: true,
      },
    },
    timing,
  )
  const rows = [
    makeRow({
      id: 'logins',
      section: '6. Logins',
      figure: `POST /sandbox/api/v1/sessions through Next, ${CONNECTIONS} conn.`,
      value: round(medians.next),
      unit: 'logins/s',
      anchorName: 'same sandbox code on bare node:http',
      anchor: round(medians.bare),
      target: { on: 'value', op: '>=', limit: 5000, text: '≥ 5,000/s' },
    }),
    makeRow({
      id: 'next-floor',
      section: '6. Logins',
      figure: "Next's ceiling: the sandbox route's 404 for an unknown path",
      value: round(medians.floor),
      unit: 'req/s',
      note: 'context: no login work at all, so logins through Next stay below it',
    }),
  ]
  return { rows, detail: { connections: CONNECTIONS, ...timing, runs } }
}

/** Load for a CPU profile: not measured, only bounded. */
export async function loadLoginsForProfile(origin, durationSeconds) {
  return runAutocannon({
    url: loginUrl(origin),
    method: 'POST',
    headers: JSON_TYPE,
    body: LOGIN_BODY,
    connections: CONNECTIONS,
    durationSeconds,
  })
}

export async function loadSendsForProfile(origin, durationSeconds) {
  return runAutocannon({
    url: `${origin}/api/send`,
    method: 'POST',
    headers: sendHeaders(origin),
    body: JSON.stringify(listEnvelope(origin)),
    connections: CONNECTIONS,
    durationSeconds,
  })
}
