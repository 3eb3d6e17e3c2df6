import { describe, expect, it } from 'vitest'
import {
  buildLauncherCookie,
  computeEtag,
  expressErrorResponse,
  jsonReply,
  preflightResponse,
  toJson,
  toResponse,
} from './wire'

const options = {
  basePath: '/sandbox',
  nowMs: Date.parse('2025-01-15T12:00:00.000Z'),
}

const launcherCookie = new RegExp(
  '^LAUNCHER=[0-9a-f]{32}; Path=/sandbox; ' +
    'Expires=Thu, 16 Jan 2025 12:00:00 GMT; HttpOnly; SameSite=Lax$',
)

describe('wire', () => {
  it('computes the same weak ETag as Express', () => {
    expect(computeEtag('hello world')).toBe('W/"b-Kq5sNclPz7QV2+lfQIuc6R7oRu0"')
    expect(computeEtag('')).toBe('W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"')
  })

  it('counts UTF-8 bytes, not characters, in the ETag', () => {
    expect(computeEtag('é')).toMatch(/^W\/"2-/)
  })

  it('escapes <, > and & without changing the parsed value', () => {
    const value = { message: '<script>alert(1)</script> & more' }
    const text = toJson(value)
    expect(text).not.toMatch(/[<>&]/)
    expect(JSON.parse(text)).toEqual(value)
  })

  it('builds a LAUNCHER cookie that lasts a day under the mount path', () => {
    const cookie = buildLauncherCookie('/sandbox', options.nowMs)
    expect(cookie).toMatch(launcherCookie)
  })

  it('draws a new cookie value every time', () => {
    const first = buildLauncherCookie('/sandbox', options.nowMs)
    const second = buildLauncherCookie('/sandbox', options.nowMs)
    expect(first).not.toBe(second)
  })

  it('sends JSON as text/html with the Express headers', async () => {
    const request = new Request('http://127.0.0.1/sandbox/api/v1/x')
    const response = toResponse(request, jsonReply(200, { a: 1 }), options)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('{"a":1}')
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    )
    expect(response.headers.get('x-powered-by')).toBe('Express')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('content-length')).toBe('7')
    expect(response.headers.get('etag')).toBe(computeEtag('{"a":1}'))
    expect(response.headers.getSetCookie()).toHaveLength(1)
  })

  it('answers a matching If-None-Match on GET with 304 and no body', async () => {
    const etag = computeEtag('{"a":1}')
    const request = new Request('http://127.0.0.1/sandbox/api/v1/x', {
      headers: { 'if-none-match': `"other", ${etag}` },
    })
    const response = toResponse(request, jsonReply(200, { a: 1 }), options)
    expect(response.status).toBe(304)
    expect(await response.text()).toBe('')
    expect(response.headers.get('content-type')).toBeNull()
    expect(response.headers.get('etag')).toBe(etag)
  })

  it('ignores If-None-Match on an error reply and under no-cache', () => {
    const etag = computeEtag('{"a":1}')
    const url = 'http://127.0.0.1/sandbox/api/v1/x'
    const conditional = new Request(url, {
      headers: { 'if-none-match': etag },
    })
    expect(
      toResponse(conditional, jsonReply(401, { a: 1 }), options).status,
    ).toBe(401)
    const noCache = new Request(url, {
      headers: { 'if-none-match': etag, 'cache-control': 'no-cache' },
    })
    expect(toResponse(noCache, jsonReply(200, { a: 1 }), options).status).toBe(
      200,
    )
  })

  it('sends headers but no body to HEAD', async () => {
    const request = new Request('http://127.0.0.1/x', { method: 'HEAD' })
    const response = toResponse(request, jsonReply(200, { a: 1 }), options)
    expect(await response.text()).toBe('')
    expect(response.headers.get('content-length')).toBe('7')
  })

  it('renders a 404 page exactly as Express does', async () => {
    const request = new Request('http://127.0.0.1/x', { method: 'POST' })
    const response = expressErrorResponse(
      request,
      404,
      'Cannot POST /api/v1/refresh-access-token',
    )
    expect(response.status).toBe(404)
    expect(await response.text()).toBe(
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
        '<title>Error</title>\n</head>\n<body>\n' +
        '<pre>Cannot POST /api/v1/refresh-access-token</pre>\n' +
        '</body>\n</html>\n',
    )
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'",
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('etag')).toBeNull()
  })

  it('escapes HTML in the 404 text', async () => {
    const request = new Request('http://127.0.0.1/x')
    const response = expressErrorResponse(request, 404, 'Cannot GET /<b>')
    expect(await response.text()).toContain('<pre>Cannot GET /&lt;b&gt;</pre>')
  })

  it('answers a preflight as the cors middleware does', () => {
    const request = new Request('http://127.0.0.1/x', {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'authorization' },
    })
    const response = preflightResponse(request)
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'GET,HEAD,PUT,PATCH,POST,DELETE',
    )
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization',
    )
    expect(response.headers.get('vary')).toBe('Access-Control-Request-Headers')
  })
})
