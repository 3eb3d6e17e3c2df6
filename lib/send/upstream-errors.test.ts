import { errors as undiciErrors } from 'undici'
import { describe, expect, it } from 'vitest'
import { mapUpstreamError } from './upstream-errors'

const context = {
  origin: 'https://bigid.example',
  host: 'bigid.example',
  timeoutMs: 15_000,
  isTimedOut: false,
  isCancelled: false,
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })
}

describe('mapUpstreamError', () => {
  it.each([
    [new undiciErrors.ConnectTimeoutError(), 'upstream_timeout', 504],
    [new undiciErrors.HeadersTimeoutError(), 'upstream_timeout', 504],
    [new undiciErrors.BodyTimeoutError(), 'upstream_timeout', 504],
    [nodeError('ETIMEDOUT'), 'upstream_timeout', 504],
    [new DOMException('timed out', 'TimeoutError'), 'upstream_timeout', 504],
    [nodeError('ECONNREFUSED'), 'connection_refused', 502],
    [nodeError('ECONNRESET'), 'connection_reset', 502],
    [
      new undiciErrors.SocketError('other side closed'),
      'connection_reset',
      502,
    ],
    [nodeError('ENOTFOUND'), 'dns_failure', 502],
    [nodeError('EAI_AGAIN'), 'dns_failure', 502],
    [nodeError('EHOSTUNREACH'), 'host_unreachable', 502],
    [nodeError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls_failure', 502],
    [nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls_failure', 502],
    [nodeError('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls_failure', 502],
    [nodeError('CERT_HAS_EXPIRED'), 'tls_failure', 502],
    [new undiciErrors.HeadersOverflowError(), 'invalid_upstream_response', 502],
    [nodeError('HPE_INVALID_CONSTANT'), 'invalid_upstream_response', 502],
    [nodeError('EWHATEVER'), 'upstream_failed', 502],
    [new Error('no code at all'), 'upstream_failed', 502],
  ])('maps %s to %s (%i)', (error, code, status) => {
    const mapped = mapUpstreamError(error, context)
    expect(mapped.code).toBe(code)
    expect(mapped.status).toBe(status)
    expect(mapped.cause).toBe(error)
  })

  it('finds the socket code under fetch-style wrappers', () => {
    const error = new TypeError('fetch failed', {
      cause: nodeError('ECONNREFUSED'),
    })
    const mapped = mapUpstreamError(error, context)
    expect(mapped.code).toBe('connection_refused')
    expect(mapped.causeCode).toBe('ECONNREFUSED')
  })

  it('reports a deadline as a timeout whatever undici threw', () => {
    const aborted = new undiciErrors.RequestAbortedError()
    expect(
      mapUpstreamError(aborted, { ...context, isTimedOut: true }).code,
    ).toBe('upstream_timeout')
  })

  it("reports the learner's own cancel as cancelled", () => {
    const aborted = new DOMException('aborted', 'AbortError')
    const mapped = mapUpstreamError(aborted, { ...context, isCancelled: true })
    expect(mapped.code).toBe('request_cancelled')
  })

  it('names the origin and the deadline in a timeout message', () => {
    const mapped = mapUpstreamError(nodeError('ETIMEDOUT'), context)
    expect(mapped.message).toContain('https://bigid.example')
    expect(mapped.message).toContain('15 seconds')
  })
})
