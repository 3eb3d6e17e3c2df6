// Load on our own loopback servers, always bounded by count or time.
import autocannon from 'autocannon'
import { Agent } from 'undici'
import { median, quantile } from './stats.mjs'

export const client = new Agent({ keepAliveTimeout: 10_000, connections: 64 })

/** A request as undici.request takes it, plus the status it must answer. */
export function describeRequest(url, { method = 'GET', headers, body } = {}) {
  const target = new URL(url)
  return {
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method,
    headers: { ...headers },
    body,
  }
}

export async function sendOnce(request) {
  const startedAt = performance.now()
  const response = await client.request({
    ...request,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  })
  const bytes = await response.body.arrayBuffer()
  const elapsedMs = performance.now() - startedAt
  if (response.statusCode !== 200) {
    throw new Error(
      `${request.method} ${request.origin}${request.path} answered ` +
        `${response.statusCode}: ${Buffer.from(bytes).toString().slice(0, 200)}`,
    )
  }
  return { elapsedMs, bytes: bytes.byteLength }
}

/** `count` requests, `concurrency` at a time; throws on any non-200. */
export async function sendMany(request, count, concurrency) {
  let sent = 0
  const worker = async () => {
    while (sent < count) {
      sent++
      await sendOnce(request)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export function summariseLatencies(values) {
  return {
    count: values.length,
    medianMs: median(values),
    p90Ms: quantile(values, 0.9),
    p99Ms: quantile(values, 0.99),
  }
}

/** One autocannon run; its duration bounds it. */
export async function runAutocannon({
  url,
  method = 'GET',
  headers,
  body,
  connections,
  durationSeconds,
}) {
  const result = await autocannon({
    url,
    method,
    headers,
    body,
    connections,
    duration: durationSeconds,
    pipelining: 1,
  })
  return {
    requestsPerSecond: result.requests.average,
    latencyMedianMs: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}
