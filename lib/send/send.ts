import 'server-only'
import { BodyDecodeError, encodeBodyForReply } from './body'
import {
  createSendError,
  notes,
  type Result,
  type SendError,
  type SendNote,
} from './errors'
import type { Forwarder, ForwardResponse } from './forward'
import { findHeader, type HeaderPair, prepareRequestHeaders } from './headers'
import { parseMethod, parseSendInput, type SendableMethod } from './schema'
import type { SendSettings } from './settings'
import { resolveTarget, type Target } from './target'
import { mapUpstreamError } from './upstream-errors'

/** What the learner sees when the upstream answered, whatever its status. */
export interface SendReply {
  readonly status: number
  readonly statusText: string
  readonly headers: HeaderPair[]
  readonly body: string
  readonly bodyEncoding: 'utf8' | 'base64'
  readonly sizeBytes: number
  readonly durationMs: number
  readonly truncated: boolean
  /** The URL requested, normalised, without its fragment. */
  readonly url: string
  /** The upstream's Content-Encoding, as data; the body is already decoded. */
  readonly contentEncoding: string | null
  readonly notes: SendNote[]
}

/** The facts the route logs: no query, header or body. */
export interface SendSummary {
  readonly method: string | undefined
  readonly target: string | undefined
  readonly sizeBytes: number
  readonly durationMs: number
}

export type SendOutcome = { readonly summary: SendSummary } & (
  | { readonly ok: true; readonly reply: SendReply }
  | { readonly ok: false; readonly error: SendError }
)

export interface SendContext {
  /** The origin the incoming /api/send request was addressed to. */
  readonly ownOrigin: string
  /** Aborts the upstream request when the learner cancels. */
  readonly signal?: AbortSignal
}

export type Send = (
  input: unknown,
  context: SendContext,
) => Promise<SendOutcome>

interface CheckedRequest {
  readonly method: SendableMethod
  readonly target: Target
  readonly headers: HeaderPair[]
  readonly body: Buffer | undefined
  readonly notes: SendNote[]
}

/** Composes validation, target policy and forwarding into one send. */
export function createSend(settings: SendSettings, forwarder: Forwarder): Send {
  return async (input, context) => {
    const startedAt = performance.now()
    const summarise = (sizeBytes: number) => ({
      method: readMethodForLog(input),
      target: describeTarget(input, context.ownOrigin),
      sizeBytes,
      durationMs: Math.round(performance.now() - startedAt),
    })

    const checked = checkRequest(input, context, settings)
    if (!checked.ok) {
      return { ok: false, error: checked.error, summary: summarise(0) }
    }

    const request = checked.value
    // A deadline that is cleared when the send ends. AbortSignal.timeout's
    // timer cannot be cleared, and a pending timer holds the async context
    // it was made in (Next's AsyncLocalStorage stores): each finished send
    // kept its whole request, about 28 KB, alive for SEND_TIMEOUT_MS (15 s),
    // which under load doubled the heap's live set and with it the RSS.
    const deadline = new AbortController()
    const timer = setTimeout(
      () => deadline.abort(new DOMException('Send deadline', 'TimeoutError')),
      settings.timeoutMs,
    )
    const signal = context.signal
      ? AbortSignal.any([context.signal, deadline.signal])
      : deadline.signal

    let response: ForwardResponse
    try {
      response = await forwarder.forward(
        {
          method: request.method,
          toSandbox: request.target.kind === 'sandbox',
          origin: request.target.connectOrigin,
          path: request.target.path,
          headers: request.headers,
          body: request.body,
        },
        signal,
      )
    } catch (error) {
      const failure = toSendError(error, request.target, settings, {
        isTimedOut: deadline.signal.aborted,
        isCancelled: context.signal?.aborted === true,
      })
      return { ok: false, error: failure, summary: summarise(0) }
    } finally {
      clearTimeout(timer)
    }

    const summary = summarise(response.body.bytes.length)
    const reply = buildReply(response, request, summary.durationMs, settings)
    return { ok: true, reply, summary }
  }
}

/** An outcome for a call refused before its input was read. */
export function failBeforeSending(
  error: SendError,
  startedAt: number,
): SendOutcome {
  const durationMs = Math.round(performance.now() - startedAt)
  return {
    ok: false,
    error,
    summary: { method: undefined, target: undefined, sizeBytes: 0, durationMs },
  }
}

function checkRequest(
  input: unknown,
  context: SendContext,
  settings: SendSettings,
): Result<CheckedRequest> {
  const parsed = parseSendInput(input)
  if (!parsed.ok) return parsed
  const method = parseMethod(parsed.value.method)
  if (!method.ok) return method

  const target = resolveTarget(parsed.value.url, {
    ownOrigin: context.ownOrigin,
    settings,
  })
  if (!target.ok) return target
  const headers = prepareRequestHeaders(parsed.value.headers)
  if (!headers.ok) return headers

  const text = parsed.value.body ?? ''
  const hasBody = text !== ''
  if (hasBody && (method.value === 'GET' || method.value === 'HEAD')) {
    return fail(createSendError('body_not_allowed', { method: method.value }))
  }
  const body = hasBody ? Buffer.from(text, 'utf8') : undefined
  if (body && body.length > settings.maxRequestBytes) {
    return fail(
      createSendError('request_too_large', {
        part: 'body',
        limitBytes: settings.maxRequestBytes,
      }),
    )
  }

  return {
    ok: true,
    value: {
      method: method.value,
      target: target.value,
      headers: headers.value.headers,
      body,
      notes: headers.value.notes,
    },
  }
}

function fail(error: SendError): { ok: false; error: SendError } {
  return { ok: false, error }
}

function buildReply(
  response: ForwardResponse,
  request: CheckedRequest,
  durationMs: number,
  settings: SendSettings,
): SendReply {
  const { bytes, truncated, isDecoded } = response.body
  const contentEncoding = response.headers
    .filter(([name]) => name === 'content-encoding')
    .map(([, value]) => value)
    .join(', ')

  const encoded = isDecoded
    ? encodeBodyForReply(
        bytes,
        findHeader(response.headers, 'content-type'),
        truncated,
      )
    : { body: bytes.toString('base64'), bodyEncoding: 'base64' as const }

  const replyNotes = [...request.notes]
  if (truncated)
    replyNotes.push(notes.responseTruncated(settings.maxResponseBytes))
  if (!isDecoded) replyNotes.push(notes.bodyNotDecoded(contentEncoding))

  return {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: encoded.body,
    bodyEncoding: encoded.bodyEncoding,
    sizeBytes: bytes.length,
    durationMs,
    truncated,
    url: request.target.url.href,
    contentEncoding: contentEncoding === '' ? null : contentEncoding,
    notes: replyNotes,
  }
}

function toSendError(
  error: unknown,
  target: Target,
  settings: SendSettings,
  flags: { isTimedOut: boolean; isCancelled: boolean },
): SendError {
  if (error instanceof BodyDecodeError && !flags.isTimedOut) {
    return createSendError('upstream_body_undecodable', {
      encoding: error.encoding,
    }).withCause(error)
  }
  return mapUpstreamError(error, {
    origin: target.url.origin,
    host: target.url.hostname,
    timeouts: {
      connectMs: settings.connectTimeoutMs,
      headersMs: settings.headersTimeoutMs,
      bodyMs: settings.bodyTimeoutMs,
      overallMs: settings.timeoutMs,
    },
    ...flags,
  })
}

function readMethodForLog(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('method' in input)) {
    return undefined
  }
  const method = parseMethod(String(input.method))
  return method.ok ? method.value : undefined
}

/** Origin and path only: a query may carry a token, userinfo a password. */
function describeTarget(input: unknown, ownOrigin: string): string | undefined {
  if (typeof input !== 'object' || input === null || !('url' in input)) {
    return undefined
  }
  const text = typeof input.url === 'string' ? input.url.trim() : ''
  if (!URL.canParse(text, ownOrigin)) return undefined
  const url = new URL(text, ownOrigin)
  const isHttp = url.protocol === 'http:' || url.protocol === 'https:'
  return isHttp ? `${url.origin}${url.pathname}` : undefined
}
