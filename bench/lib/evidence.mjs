// Short notes under the table: where the time and the bytes went.
const KB = 1000

export function collectEvidence(sections) {
  const lines = []
  const titles = {
    nextLogins: 'logins through Next',
    bareLogins: 'logins on bare node:http',
    nextSends: 'GET /ds-connections through /api/send',
  }
  const profiles = Object.entries(sections.profile?.detail ?? {})
  for (const [name, profile] of profiles) {
    if (!profile?.byCategory) continue
    lines.push(
      `**CPU profile, ${titles[name]}** ` +
        `(${profile.requestsPerSecondUnderProfiler} req/s under the profiler, ` +
        `${profile.busyMs} of ${profile.totalMs} ms busy): ` +
        describeShares(profile.byCategory, 8) +
        '. Top self time: ' +
        describeShares(profile.topSelf, 6) +
        '.',
    )
  }

  const weight = sections.weight?.detail
  if (weight?.lessonRequests) {
    const lazy = weight.lessonRequests.filter(
      (request) =>
        request.type === 'Script' &&
        request.start > weight.lessonRequestsHydratedAt,
    )
    const bytes = lazy.reduce((total, request) => total + request.bytes, 0)
    const largest = [...lazy].sort((a, b) => b.bytes - a.bytes).slice(0, 3)
    lines.push(
      `**Scripts loaded after hydration** (the editor): ${lazy.length} files, ` +
        `${Math.round(bytes / KB)} KB; largest ` +
        largest
          .map(
            (request) =>
              `${request.path.split('/').at(-1)} ${Math.round(request.bytes / KB)} KB`,
          )
          .join(', ') +
        `. Swagger/Scalar bytes are as Chromium received them from the bench's ` +
        `own server, gzip level 6 by zlib; zlib alone gives Swagger bundle + preset ` +
        `${Math.round((weight.gzip6.swaggerBundle.gzip6 + weight.gzip6.swaggerPreset.gzip6) / KB)} KB, ` +
        `Scalar ${Math.round(weight.gzip6.scalarStandalone.gzip6 / KB)} KB.`,
    )
  }

  const big = sections.big?.detail
  if (big?.profile?.byCategory) {
    lines.push(
      `**5 MB token reply, browser CPU profile** (Send → typable ${Math.round(big.profile.typedMs)} ms, ` +
        `${big.profile.busyMs} ms busy): ` +
        describeShares(big.profile.byCategory, 5) +
        '; top self time: ' +
        describeShares(big.profile.topSelf, 5) +
        '.',
    )
  }
  if (big?.breakdown) {
    const steps = big.breakdown
    lines.push(
      `**The view's own steps on that reply, timed alone**: parse the ` +
        `/api/send reply ${steps.parseReplyMs} ms, parse the body ` +
        `${steps.parseBodyMs} ms, pretty-print ${steps.prettyPrintMs} ms ` +
        `(${Math.round(steps.prettyChars / KB)} KB, ${steps.lines} lines), ` +
        `split lines ${steps.splitLinesMs} ms.`,
    )
  }

  const memory = sections.memory?.detail
  if (memory) {
    const heap = memory.appHeapUsedAndCommittedMbByBlock
    const gc = memory.appAfterForcedGc
    lines.push(
      `**RSS by block of ${memory.block} sends (MB)**: /api/send ` +
        `${memory.rssMbByBlock.send.join(', ')}; bare forwarder ` +
        `${memory.rssMbByBlock.bare.join(', ')}. App V8 heap used / ` +
        `committed (MB, no forced GC): ${heap.map((pair) => pair.join(' / ')).join(', ')}; ` +
        `after one forced GC at the end: used ${gc.heapUsedMb}, committed ` +
        `${gc.heapCommittedMb}, RSS ${gc.rssMb}.`,
    )
  }
  return lines.flatMap((line) => [line, ''])
}

function describeShares(list, count) {
  return list
    .slice(0, count)
    .map((item) => `${item.name} ${item.percent} %`)
    .join(', ')
}
