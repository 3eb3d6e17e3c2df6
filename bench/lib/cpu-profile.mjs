// Reads a V8 .cpuprofile: where the busy time went, by self time per
// function and per category. (Inclusive time is not summed: after an await
// a stack starts again at the microtask queue, so it would mislead.)
import { readFileSync } from 'node:fs'

const IDLE = new Set(['(idle)'])

export function summariseCpuProfile(file, { categorise }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))

  const self = new Map()
  const categories = new Map()
  let totalMs = 0
  let idleMs = 0
  for (const [index, id] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000
    const node = byId.get(id)
    const frame = node.callFrame
    totalMs += ms
    if (IDLE.has(frame.functionName)) {
      idleMs += ms
      continue
    }
    const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}`
    self.set(key, (self.get(key) ?? 0) + ms)
    const category = categorise(frame)
    categories.set(category, (categories.get(category) ?? 0) + ms)
  }

  const busyMs = totalMs - idleMs
  const share = (ms) => Math.round((1000 * ms) / busyMs) / 10
  const sorted = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: share(ms) }))
  return {
    totalMs: Math.round(totalMs),
    busyMs: Math.round(busyMs),
    byCategory: sorted(categories, 20),
    topSelf: sorted(self, 15),
  }
}

function shortUrl(url) {
  if (!url) return ''
  const parts = url.split('/')
  return parts.slice(-2).join('/')
}
