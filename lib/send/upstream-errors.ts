import 'server-only'
import { createSendError, type SendError, type UpstreamDetails } from './errors'

/**
 * Translates a failure thrown while talking to the upstream (undici or Node
 * socket errors, aborts) into a learner-facing error that keeps its cause.
 */
export function mapUpstreamError(
  error: unknown,
  context: UpstreamDetails & { isTimedOut: boolean; isCancelled: boolean },
): SendError {
  const causeCode = findCauseCode(error)
  const names = findErrorNames(error)
  const code = context.isTimedOut
    ? 'upstream_timeout'
    : context.isCancelled
      ? 'request_cancelled'
      : classifyCode(causeCode, names)
  const mapped =
    code === 'request_cancelled'
      ? createSendError(code)
      : createSendError(code, context)
  return mapped.withCause(
    error,
    causeCode ?? names.find((name) => name !== 'Error'),
  )
}

type UpstreamCode =
  | 'upstream_timeout'
  | 'dns_failure'
  | 'connection_refused'
  | 'connection_reset'
  | 'host_unreachable'
  | 'tls_failure'
  | 'invalid_upstream_response'
  | 'upstream_failed'

const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
])
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
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_INFO',
  'UND_ERR_NOT_SUPPORTED',
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
): UpstreamCode | 'request_cancelled' {
  if (names.includes('TimeoutError') || (code && timeoutCodes.has(code))) {
    return 'upstream_timeout'
  }
  if (code === undefined) {
    return names.includes('AbortError')
      ? 'request_cancelled'
      : 'upstream_failed'
  }
  if (dnsCodes.has(code)) return 'dns_failure'
  if (code === 'ECONNREFUSED') return 'connection_refused'
  if (resetCodes.has(code)) return 'connection_reset'
  if (unreachableCodes.has(code)) return 'host_unreachable'
  if (tlsCodes.has(code) || /^(ERR_TLS_|ERR_SSL_|CERT_)|_CERT/.test(code)) {
    return 'tls_failure'
  }
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
function findCauseCode(error: unknown): string | undefined {
  const codes: string[] = []
  for (const link of causeChain(error)) {
    if ('code' in link && typeof link.code === 'string') codes.push(link.code)
  }
  return codes.find((code) => !isGenericAbortCode(code)) ?? codes[0]
}

function isGenericAbortCode(code: string): boolean {
  return (
    code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED' || code === 'UND_ERR'
  )
}

function findErrorNames(error: unknown): string[] {
  const names: string[] = []
  for (const link of causeChain(error)) {
    if ('name' in link && typeof link.name === 'string') names.push(link.name)
  }
  return names
}
