// 1. What a Send costs: GET /ds-connections direct, through /api/send and
// through the bare forwarder, interleaved request by request.
import {
  directList,
  listEnvelope,
  sendHeaders,
  viaForwarder,
} from '../lib/envelopes.mjs'
import { describeRequest, sendOnce, summariseLatencies } from '../lib/load.mjs'
import { makeRow } from '../lib/rows.mjs'
import { round } from '../lib/stats.mjs'

export async function measureSendCost({ app, forwarder, quick }) {
  const envelope = JSON.stringify(listEnvelope(app.origin))
  const paths = {
    direct: directList(app.origin),
    send: describeRequest(`${app.origin}/api/send`, {
      method: 'POST',
      headers: sendHeaders(app.origin),
      body: envelope,
    }),
    bare: viaForwarder(forwarder.origin, listEnvelope(app.origin)),
  }
  const names = Object.keys(paths)
  const warmup = quick ? 50 : 200
  const rounds = quick ? 150 : 600

  for (let index = 0; index < warmup; index++) {
    for (const name of names) await sendOnce(paths[name])
  }
  const samples = { direct: [], send: [], bare: [] }
  for (let index = 0; index < rounds; index++) {
    const offset = index % names.length
    for (const name of [...names.slice(offset), ...names.slice(0, offset)]) {
      samples[name].push((await sendOnce(paths[name])).elapsedMs)
    }
  }

  const stats = Object.fromEntries(
    names.map((name) => [name, summariseLatencies(samples[name])]),
  )
  const rows = [
    makeRow({
      id: 'send-latency',
      section: '1. Send cost',
      figure: 'GET /ds-connections via /api/send, median',
      value: round(stats.send.medianMs, 2),
      unit: 'ms',
      anchorName: 'bare Node forwarder',
      anchor: round(stats.bare.medianMs, 2),
      target: { on: 'ratio', op: '<=', limit: 1.3, text: '≤ 1.3 × bare' },
    }),
    makeRow({
      id: 'bare-latency',
      section: '1. Send cost',
      figure: 'GET /ds-connections via bare forwarder, median',
      value: round(stats.bare.medianMs, 2),
      unit: 'ms',
      anchorName: 'direct to sandbox',
      anchor: round(stats.direct.medianMs, 2),
      note: 'context: what one extra hop costs at least',
    }),
  ]
  return { rows, detail: { rounds, warmup, stats } }
}
