import 'server-only'
import dns from 'node:dns'
import type { LookupFunction } from 'node:net'
import { Agent, buildConnector } from 'undici'
import {
  type AddressCheck,
  guardConnector,
  guardLookup,
  pickAddressCheck,
} from './address-policy'
import { BodyDecodeError, type ReadBody, readDecodedBody } from './body'
import { type HeaderPair, parseContentCodings, toHeaderPairs } from './headers'
import { SandboxDispatcher, type SandboxHandler } from './sandbox-dispatcher'
import type { SendableMethod } from './schema'
import { MAX_RESPONSE_HEADER_BYTES, type SendSettings } from './settings'

export interface ForwardRequest {
  readonly method: SendableMethod
  /** True for the built-in sandbox, which may be answered in process. */
  readonly toSandbox: boolean
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
  /** Which addresses are refused; tests pass their own, on loopback. */
  readonly isRefusedAddress?: AddressCheck
  /**
   * The sandbox of this process. Given, Sends to the sandbox are answered
   * by it directly instead of through a socket and Next's router again.
   */
  readonly sandbox?: SandboxHandler
}

export type ForwarderSettings = Pick<
  SendSettings,
  | 'connectTimeoutMs'
  | 'headersTimeoutMs'
  | 'bodyTimeoutMs'
  | 'maxResponseBytes'
  | 'allowLinkLocal'
>

/** The upstream failed after its status and headers had arrived. */
export class UpstreamBodyError extends Error {
  constructor(cause: unknown) {
    super('The response body could not be read to its end', { cause })
    this.name = 'UpstreamBodyError'
  }
}

/**
 * One keep-alive connection pool for every send, passed per call as the
 * dispatcher (never installed globally). Every new connection checks the
 * address it is about to reach; the caller's signal enforces the overall
 * deadline on top of the pool's connect, headers and body timeouts.
 */
export function createForwarder(
  settings: ForwarderSettings,
  options: ForwarderOptions = {},
): Forwarder {
  const isRefused =
    options.isRefusedAddress ?? pickAddressCheck(settings.allowLinkLocal)
  const lookup = guardLookup(
    options.lookup ?? (dns.lookup as LookupFunction),
    isRefused,
  )
  const agent = new Agent({
    connect: guardConnector(
      buildConnector({ timeout: settings.connectTimeoutMs, lookup }),
      isRefused,
    ),
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.bodyTimeoutMs,
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
    keepAliveTimeout: 4_000,
    connections: 32,
  })
  const inProcess = options.sandbox && new SandboxDispatcher(options.sandbox)

  return {
    async forward(request, signal) {
      const dispatcher = (request.toSandbox && inProcess) || agent
      const response = await dispatcher.request({
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
      ).catch((error: unknown) => {
        throw error instanceof BodyDecodeError
          ? error
          : new UpstreamBodyError(error)
      })
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
