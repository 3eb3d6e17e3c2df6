// 7a. Server RSS after 10,000 sends against after 1,000, in blocks of 1,000
// interleaved with the bare forwarder doing the same sends.
import { listEnvelope, sendHeaders, viaForwarder } from '../lib/envelopes.mjs'
import { connectInspector } from '../lib/inspector.mjs'
import { describeRequest, sendMany } from '../lib/load.mjs'
import { makeRow } from '../lib/rows.mjs'
import { round } from '../lib/stats.mjs'

const BLOCK = 1000
const CONCURRENCY = 8
const MB = 1024 * 1024

/**
 * `inspectPort`: the app's inspector, read without forcing a GC after each
 * block (V8 heap used and committed) and once with one at the end, to tell
 * live objects from memory the process merely kept.
 */
export async function measureServerMemory({
  app,
  inspectPort,
  forwarder,
  quick,
}) {
  const blocks = quick ? 2 : 10
  const body = JSON.stringify(listEnvelope(app.origin))
  const targets = {
    send: {
      process: app,
      request: describeRequest(`${app.origin}/api/send`, {
        method: 'POST',
        headers: sendHeaders(app.origin),
        body,
      }),
    },
    bare: {
      process: forwarder,
      request: viaForwarder(forwarder.origin, listEnvelope(app.origin)),
    },
  }

  const inspector = await connectInspector(inspectPort)
  const heap = []
  const rss = { send: [], bare: [] }
  const startRss = {
    send: app.readRssBytes() / MB,
    bare: forwarder.readRssBytes() / MB,
  }
  for (let block = 0; block < blocks; block++) {
    for (const [name, { process, request }] of Object.entries(targets)) {
      await sendMany(request, BLOCK, CONCURRENCY)
      rss[name].push(round(process.readRssBytes() / MB, 1))
    }
    const usage = await inspector.send('Runtime.getHeapUsage')
    heap.push([round(usage.usedSize / MB, 1), round(usage.totalSize / MB, 1)])
  }
  await inspector.send('HeapProfiler.collectGarbage')
  const afterGc = await inspector.send('Runtime.getHeapUsage')
  const rssAfterGc = round(app.readRssBytes() / MB, 1)
  inspector.close()

  const last = blocks * BLOCK
  const label = last.toLocaleString('en')
  const rows = [
    makeRow({
      id: 'server-rss',
      section: '7. Memory',
      figure: `server RSS after ${label} sends${quick ? ' (quick)' : ''}`,
      value: rss.send.at(-1),
      unit: 'MB',
      anchorName: 'after 1,000 sends',
      anchor: rss.send[0],
      target: {
        on: 'ratio',
        op: '<=',
        limit: 1.1,
        text: '≤ 1.10 × after 1,000',
      },
    }),
    makeRow({
      id: 'forwarder-rss',
      section: '7. Memory',
      figure: `bare forwarder RSS after ${label} sends`,
      value: rss.bare.at(-1),
      unit: 'MB',
      anchorName: 'after 1,000 sends',
      anchor: rss.bare[0],
      note: 'context: the same sends through the anchor',
    }),
  ]
  return {
    rows,
    detail: {
      block: BLOCK,
      concurrency: CONCURRENCY,
      startRss,
      rssMbByBlock: rss,
      appHeapUsedAndCommittedMbByBlock: heap,
      appAfterForcedGc: {
        heapUsedMb: round(afterGc.usedSize / MB, 1),
        heapCommittedMb: round(afterGc.totalSize / MB, 1),
        rssMb: rssAfterGc,
      },
    },
  }
}
