import { errors as undiciErrors } from 'undici'
import { describe, expect, it } from 'vitest'
import { AddressRefusedError } from './address-policy'
import { UpstreamBodyError } from './forward'
import { mapUpstreamError } from './upstream-errors'

const context = {
  origin: 'https://bigid.example',
  host: 'bigid.example',
  timeouts: {
    connectMs: 5_000,
    headersMs: 10_000,
    bodyMs: 2_000,
    overallMs: 15_000,
  },
  isTimedOut: false,
  isCancelled: false,
}

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })
}

describe('mapUpstreamError', () => {
  it.each([
    [new undiciErrors.ConnectTimeoutError(), 'upstream_connect_timeout', 504],
    [new undiciErrors.HeadersTimeoutError(), 'upstream_headers_timeout', 504],
    [new undiciErrors.BodyTimeoutError(), 'upstream_body_timeout', 504],
    [nodeError('ETIMEDOUT'), 'upstream_connect_timeout', 504],
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
    [
      new undiciErrors.HeadersOverflowError(),
      'upstream_headers_too_large',
      502,
    ],
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

  it.each([
    [
      new undiciErrors.ConnectTimeoutError(),
      '5 seconds',
      'accept a connection',
    ],
    [new undiciErrors.HeadersTimeoutError(), '10 seconds', 'start answering'],
    [new undiciErrors.BodyTimeoutError(), '2 seconds', 'stalled mid-answer'],
  ])(
    'names the origin, the timeout and the slow step for %s',
    (error, time, step) => {
      const mapped = mapUpstreamError(error, context)
      expect(mapped.message).toContain('https://bigid.example')
      expect(mapped.message).toContain(time)
      expect(mapped.message).toContain(step)
    },
  )

  it('names the overall deadline when it ran out', () => {
    const mapped = mapUpstreamError(new undiciErrors.RequestAbortedError(), {
      ...context,
      isTimedOut: true,
    })
    expect(mapped.message).toContain('15 seconds')
    expect(mapped.message).toContain('not your connection')
  })

  it.each([
    [new undiciErrors.SocketError('other side closed'), 'connection_reset'],
    [nodeError('ECONNRESET'), 'connection_reset'],
  ])('reports %s before the headers as a reset', (error, code) => {
    expect(mapUpstreamError(error, context).code).toBe(code)
  })

  it.each([
    new undiciErrors.SocketError('other side closed'),
    nodeError('ECONNRESET'),
    new undiciErrors.ResponseContentLengthMismatchError(),
  ])('reports %s after the headers as an incomplete body', (error) => {
    const mapped = mapUpstreamError(new UpstreamBodyError(error), context)
    expect(mapped.code).toBe('upstream_body_incomplete')
    expect(mapped.status).toBe(502)
  })

  it('keeps a body timeout a body timeout, not an incomplete body', () => {
    const error = new UpstreamBodyError(new undiciErrors.BodyTimeoutError())
    expect(mapUpstreamError(error, context).code).toBe('upstream_body_timeout')
  })

  it('reports a refused address as 403 link_local_refused, naming it', () => {
    const refusal = new AddressRefusedError('bigid.example', '169.254.169.254')
    const mapped = mapUpstreamError(
      new TypeError('fetch failed', { cause: refusal }),
      context,
    )
    expect(mapped).toMatchObject({
      code: 'link_local_refused',
      status: 403,
      causeCode: 'ERR_SEND_ADDRESS_REFUSED',
    })
    expect(mapped.message).toContain('169.254.169.254')
    expect(mapped.message).toContain('SEND_ALLOW_LINK_LOCAL=true')
  })
})
