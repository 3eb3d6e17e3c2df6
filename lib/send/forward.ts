import 'server-only'
import type { LookupFunction } from 'node:net'
import { Agent } from 'undici'
import { type ReadBody, readDecodedBody } from './body'
import { type HeaderPair, parseContentCodings, toHeaderPairs } from './headers'
import type { SendableMethod } from './schema'
import type { SendSettings } from './settings'

export interface ForwardRequest {
  readonly method: SendableMethod
  /** The origin connected to, which is not always the one the learner saw. */
  readonly origin: string
  readonly path: string
  readonly headers: readonly HeaderPair[]
  readonly body: Buffer | undefined
}

export interface ForwardResponse {
  readonly status: number
  readonly statusText: string
  readonly headers: HeaderPair[]
  readonly codings: string[]
  readonly body: ReadBody
}

export interface Forwarder {
  /** Sends once, never follows a redirect; throws what undici throws. */
  forward(
    request: ForwardRequest,
    signal: AbortSignal,
  ): Promise<ForwardResponse>
  close(): Promise<void>
}

export interface ForwarderOptions {
  /** Name resolution for new connections; tests pass a stub. */
  readonly lookup?: LookupFunction
}

const MAX_CONNECT_TIMEOUT_MS = 10_000

/**
 * One keep-alive connection pool for every send, passed per call as the
 * dispatcher (never installed globally). Its own timeouts are no longer than
 * the overall deadline, which the caller's signal enforces.
 */
export function createForwarder(
  settings: Pick<SendSettings, 'timeoutMs' | 'maxResponseBytes'>,
  options: ForwarderOptions = {},
): Forwarder {
  const agent = new Agent({
    connect: {
      timeout: Math.min(settings.timeoutMs, MAX_CONNECT_TIMEOUT_MS),
      ...(options.lookup ? { lookup: options.lookup } : {}),
    },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    keepAliveTimeout: 4_000,
    connections: 32,
  })

  return {
    async forward(request, signal) {
      const response = await agent.request({
        origin: request.origin,
        path: request.path,
        method: request.method,
        // A plain array is read as name, value, name…, not as pairs.
        headers: request.headers.flat(),
        body: request.body ?? null,
        signal,
        responseHeaders: 'raw',
      })

      const headers = toHeaderPairs(readRawHeaders(response.headers))
      const codings = parseContentCodings(headers)
      const body = await readDecodedBody(
        response.body,
        codings,
        settings.maxResponseBytes,
      )
      return {
        status: response.statusCode,
        statusText: response.statusText ?? '',
        headers,
        codings,
        body,
      }
    },
    close: () => agent.close(),
  }
}

/** With `responseHeaders: 'raw'` undici hands back name, value, name… */
function readRawHeaders(headers: unknown): string[] {
  if (!Array.isArray(headers)) return []
  return headers.map((item: unknown) =>
    typeof item === 'string' ? item : String(item),
  )
}
