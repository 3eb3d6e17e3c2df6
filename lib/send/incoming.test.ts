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
    const result = await readJsonBody(streamed(['{"a"', ':1}']), 100)
    expect(result).toEqual({ ok: true, value: { a: 1 } })
  })

  it('stops at the limit when no Content-Length is given', async () => {
    const result = await readJsonBody(
      streamed(['{"a":"', 'x'.repeat(50), '"}']),
      20,
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
    const result = await readJsonBody(request, 100)
    expect(!result.ok && result.error.code).toBe('request_too_large')
  })

  it.each([['not json'], ['{"a":'], ['']])(
    'refuses %j as invalid JSON',
    async (text) => {
      const result = await readJsonBody(streamed([text]), 100)
      expect(!result.ok && result.error.code).toBe('invalid_json')
    },
  )

  it('refuses bytes that are not UTF-8', async () => {
    const request = new Request(`${own}/api/send`, {
      method: 'POST',
      body: new Uint8Array([0x22, 0xff, 0x22]),
    })
    const result = await readJsonBody(request, 100)
    expect(!result.ok && result.error.code).toBe('invalid_json')
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
