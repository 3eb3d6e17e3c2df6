import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkCaller,
  readJsonBody,
  resolveOwnOrigin,
  toJsonResponse,
} from './incoming'

const own = 'http://127.0.0.1:3000'

function streamed(parts: string[]): Request {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part))
      controller.close()
    },
  })
  return new Request(`${own}/api/send`, {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit)
}

describe('resolveOwnOrigin', () => {
  it('takes the host the browser addressed, not the one Next assumed', () => {
    const request = new Request('http://localhost:3000/api/send', {
      headers: { host: '127.0.0.1:3000' },
    })
    expect(resolveOwnOrigin(request, undefined)).toBe('http://127.0.0.1:3000')
  })

  it("prefers the operator's PUBLIC_ORIGIN", () => {
    const request = new Request('http://localhost:3000/api/send', {
      headers: { host: '127.0.0.1:3000' },
    })
    expect(resolveOwnOrigin(request, 'https://learn.example.com')).toBe(
      'https://learn.example.com',
    )
  })

  it('falls back to the request URL for a host that does not parse', () => {
    const request = new Request('http://localhost:3000/api/send', {
      headers: { host: 'a b' },
    })
    expect(resolveOwnOrigin(request, undefined)).toBe('http://localhost:3000')
  })
})

describe('checkCaller', () => {
  it.each([
    [{}, true],
    [{ origin: own }, true],
    [{ origin: own, 'sec-fetch-site': 'same-origin' }, true],
    [{ origin: 'https://evil.example' }, false],
    [{ origin: 'http://127.0.0.1:3001' }, false],
    [{ origin: 'null' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, false],
    [{ origin: own, 'sec-fetch-site': 'cross-site' }, false],
    [{ origin: own, 'sec-fetch-site': 'same-site' }, false],
    [{ 'sec-fetch-site': 'none' }, true],
    [{ origin: 'http://127.0.0.1.:3000' }, true],
    [{ origin: 'http://sub.127.0.0.1.example:3000' }, false],
  ])('with headers %j lets the call through: %s', (headers, isAllowed) => {
    const result = checkCaller(new Headers(headers), own)
    expect(result.ok).toBe(isAllowed)
    if (!result.ok) {
      expect(result.error).toMatchObject({
        code: 'cross_origin_caller',
        status: 403,
      })
    }
  })
})

describe('readJsonBody', () => {
  it('parses JSON read in pieces', async () => {
    const result = await readJsonBody(streamed(['{"a"', ':1}']), 100, 1_000)
    expect(result).toEqual({ ok: true, value: { a: 1 } })
  })

  it('stops at the limit when no Content-Length is given', async () => {
    const result = await readJsonBody(
      streamed(['{"a":"', 'x'.repeat(50), '"}']),
      20,
      1_000,
    )
    expect(!result.ok && result.error.code).toBe('request_too_large')
    expect(!result.ok && result.error.status).toBe(413)
  })

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request(`${own}/api/send`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-length': '5000' },
    })
    const result = await readJsonBody(request, 100, 1_000)
    expect(!result.ok && result.error.code).toBe('request_too_large')
  })

  it.each([['not json'], ['{"a":'], ['']])(
    'refuses %j as invalid JSON',
    async (text) => {
      const result = await readJsonBody(streamed([text]), 100, 1_000)
      expect(!result.ok && result.error.code).toBe('invalid_json')
    },
  )

  it('refuses bytes that are not UTF-8', async () => {
    const request = new Request(`${own}/api/send`, {
      method: 'POST',
      body: new Uint8Array([0x22, 0xff, 0x22]),
    })
    const result = await readJsonBody(request, 100, 1_000)
    expect(!result.ok && result.error.code).toBe('invalid_json')
  })
})

describe('checkCaller, for any Origin', () => {
  it('lets through only an Origin that names the app itself', () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
      maxLength: 30,
    })
    const origin = fc.oneof(
      fc.webUrl().map((url) => new URL(url).origin),
      fc
        .tuple(
          fc.constantFrom('http', 'https', 'HTTP', 'ws'),
          fc.constantFrom('127.0.0.1', '127.0.0.1.', '127.1', 'localhost'),
          fc.constantFrom('', ':3000', ':3001', ':80'),
        )
        .map(([scheme, host, port]) => `${scheme}://${host}${port}`),
      fc.constantFrom('null', own),
      printable,
    )
    fc.assert(
      fc.property(origin, (value) => {
        const result = checkCaller(new Headers({ origin: value }), own)
        if (!result.ok) return
        const url = new URL(value)
        expect(url.protocol).toBe('http:')
        expect(url.hostname.replace(/\.$/, '')).toBe('127.0.0.1')
        expect(url.port).toBe('3000')
      }),
      { numRuns: 1000 },
    )
  })
})

describe('readJsonBody, against a slow caller', () => {
  it('gives up on a body still arriving after the timeout, with 408', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"method":'))
      },
    })
    const request = new Request(`${own}/api/send`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    const started = performance.now()
    const result = await readJsonBody(request, 1_000, 100)
    expect(!result.ok && result.error).toMatchObject({
      code: 'request_timeout',
      status: 408,
    })
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('toJsonResponse', () => {
  it('answers JSON, uncached', async () => {
    const response = toJsonResponse(201, { ok: true })
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ ok: true })
  })
})
