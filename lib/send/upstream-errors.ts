import 'server-only'
import { AddressRefusedError } from './address-policy'
import { createSendError, type SendError } from './errors'
import { UpstreamBodyError } from './forward'

/** The timeouts a send ran under, to name the one that ran out. */
export interface SendTimeouts {
  readonly connectMs: number
  readonly headersMs: number
  readonly bodyMs: number
  readonly overallMs: number
}

export interface UpstreamErrorContext {
  readonly origin: string
  readonly host: string
  readonly timeouts: SendTimeouts
  /** The overall deadline ran out. */
  readonly isTimedOut: boolean
  /** The learner cancelled or left. */
  readonly isCancelled: boolean
}

/**
 * Translates a failure thrown while talking to the upstream (undici or Node
 * socket errors, aborts, a refused address) into a learner-facing error
 * that keeps its cause. The deadline and the learner's cancel win over
 * whatever undici threw when they ended the request.
 */
export function mapUpstreamError(
  error: unknown,
  context: UpstreamErrorContext,
): SendError {
  const links = [...causeChain(error)]
  const causeCode = findCauseCode(links)
  const names = links.flatMap((link) =>
    'name' in link && typeof link.name === 'string' ? [link.name] : [],
  )
  const refusal = links.find((link) => link instanceof AddressRefusedError)
  const isBodyPhase = links.some((link) => link instanceof UpstreamBodyError)

  const classified = classifyCode(causeCode, names, isBodyPhase)
  const mapped = context.isTimedOut
    ? createUpstreamError('upstream_timeout', context)
    : context.isCancelled || classified === 'request_cancelled'
      ? createSendError('request_cancelled')
      : refusal
        ? createSendError('link_local_refused', {
            host: refusal.host,
            address: refusal.address,
          })
        : createUpstreamError(classified, context)
  return mapped.withCause(
    error,
    causeCode ?? names.find((name) => name !== 'Error'),
  )
}

type TimeoutCode =
  | 'upstream_connect_timeout'
  | 'upstream_headers_timeout'
  | 'upstream_body_timeout'
  | 'upstream_timeout'

type UpstreamCode =
  | TimeoutCode
  | 'dns_failure'
  | 'connection_refused'
  | 'connection_reset'
  | 'host_unreachable'
  | 'tls_failure'
  | 'invalid_upstream_response'
  | 'upstream_headers_too_large'
  | 'upstream_body_incomplete'
  | 'upstream_failed'

/** Each timeout message names its own timeout; the rest, the deadline. */
function createUpstreamError(
  code: UpstreamCode,
  context: UpstreamErrorContext,
): SendError {
  const { timeouts } = context
  const timeoutMs =
    code === 'upstream_connect_timeout'
      ? timeouts.connectMs
      : code === 'upstream_headers_timeout'
        ? timeouts.headersMs
        : code === 'upstream_body_timeout'
          ? timeouts.bodyMs
          : timeouts.overallMs
  return createSendError(code, {
    origin: context.origin,
    host: context.host,
    timeoutMs,
  })
}

const timeoutCodes: Record<string, TimeoutCode> = {
  UND_ERR_CONNECT_TIMEOUT: 'upstream_connect_timeout',
  ETIMEDOUT: 'upstream_connect_timeout',
  ERR_SOCKET_CONNECTION_TIMEOUT: 'upstream_connect_timeout',
  UND_ERR_HEADERS_TIMEOUT: 'upstream_headers_timeout',
  UND_ERR_BODY_TIMEOUT: 'upstream_body_timeout',
}
const dnsCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EAI_NODATA',
])
const resetCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
])
const unreachableCodes = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN'])
const invalidResponseCodes = new Set([
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_INFO',
  'UND_ERR_NOT_SUPPORTED',
])
/** After the headers, each of these means the body was cut short. */
const incompleteBodyCodes = new Set([
  ...resetCodes,
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
])
const tlsCodes = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'HOSTNAME_MISMATCH',
])

function classifyCode(
  code: string | undefined,
  names: readonly string[],
  isBodyPhase: boolean,
): UpstreamCode | 'request_cancelled' {
  const timeout = code === undefined ? undefined : timeoutCodes[code]
  if (timeout) return timeout
  if (names.includes('TimeoutError')) return 'upstream_timeout'
  // undici's parser error often carries no code, only its name.
  if (names.includes('HTTPParserError')) return 'invalid_upstream_response'
  if (code === undefined) {
    return names.includes('AbortError')
      ? 'request_cancelled'
      : 'upstream_failed'
  }
  if (isBodyPhase && incompleteBodyCodes.has(code)) {
    return 'upstream_body_incomplete'
  }
  if (dnsCodes.has(code)) return 'dns_failure'
  if (code === 'ECONNREFUSED') return 'connection_refused'
  if (resetCodes.has(code)) return 'connection_reset'
  if (unreachableCodes.has(code)) return 'host_unreachable'
  if (tlsCodes.has(code) || /^(ERR_TLS_|ERR_SSL_|CERT_)|_CERT/.test(code)) {
    return 'tls_failure'
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'upstream_headers_too_large'
  if (invalidResponseCodes.has(code) || code.startsWith('HPE_')) {
    return 'invalid_upstream_response'
  }
  return 'upstream_failed'
}

function* causeChain(error: unknown): Generator<object> {
  let current = error
  for (let depth = 0; depth < 8; depth++) {
    if (typeof current !== 'object' || current === null) return
    yield current
    current = 'cause' in current ? current.cause : undefined
  }
}

/** The most specific code in the cause chain, the socket's own first. */
function findCauseCode(links: readonly object[]): string | undefined {
  const codes: string[] = []
  for (const link of links) {
    if ('code' in link && typeof link.code === 'string') codes.push(link.code)
  }
  return codes.find((code) => !isGenericAbortCode(code)) ?? codes[0]
}

function isGenericAbortCode(code: string): boolean {
  return (
    code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED' || code === 'UND_ERR'
  )
}
