import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createForwarder, type ForwardRequest } from './forward'
import { startUpstream, type Upstream } from './test-upstream'

const text = 'Hello from the loopback upstream. '.repeat(50)
let upstream: Upstream
const forwarder = createForwarder({ timeoutMs: 5_000, maxResponseBytes: 1e6 })

beforeAll(async () => {
  upstream = await startUpstream((request, response) => {
    switch (request.url) {
      case '/cookies':
        response.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly'])
        response.setHeader('X-Multi', ['one', 'two'])
        response.end('ok')
        return
      case '/gzip-twice':
        response.setHeader('Content-Encoding', 'gzip')
        response.end(zlib.gzipSync(zlib.gzipSync(text)))
        return
      case '/br':
        response.setHeader('Content-Encoding', 'br')
        response.setHeader('Content-Type', 'text/plain')
        response.end(zlib.brotliCompressSync(text))
        return
      case '/redirect':
        response.writeHead(302, { Location: '/landing' }).end()
        return
      case '/no-content':
        response.writeHead(204, 'Nothing Here').end()
        return
      default:
        response.setHeader('Content-Encoding', 'gzip')
        response.setHeader('Content-Type', 'text/plain')
        response.end(
          request.method === 'HEAD' ? undefined : zlib.gzipSync(text),
        )
    }
  })
})

afterAll(async () => {
  await forwarder.close()
  await upstream.close()
})

function request(overrides: Partial<ForwardRequest>): ForwardRequest {
  return {
    method: 'GET',
    origin: upstream.origin,
    path: '/',
    headers: [],
    body: undefined,
    ...overrides,
  }
}

const signal = () => AbortSignal.timeout(5_000)

describe('createForwarder', () => {
  it('keeps every response header, each Set-Cookie its own pair', async () => {
    const response = await forwarder.forward(
      request({ path: '/cookies' }),
      signal(),
    )
    expect(response.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2; HttpOnly'],
    ])
    expect(response.headers.filter(([name]) => name === 'x-multi')).toEqual([
      ['x-multi', 'one'],
      ['x-multi', 'two'],
    ])
  })

  it('decodes gzip once and reports the coding', async () => {
    const response = await forwarder.forward(request({}), signal())
    expect(response.codings).toEqual(['gzip'])
    expect(response.body.bytes.toString()).toBe(text)
  })

  it('undoes only the coding the header names, not one more', async () => {
    const response = await forwarder.forward(
      request({ path: '/gzip-twice' }),
      signal(),
    )
    expect(response.body.bytes.equals(zlib.gzipSync(text))).toBe(true)
  })

  it('decodes brotli', async () => {
    const response = await forwarder.forward(request({ path: '/br' }), signal())
    expect(response.body.bytes.toString()).toBe(text)
  })

  it('hands back a redirect without following it', async () => {
    const response = await forwarder.forward(
      request({ path: '/redirect' }),
      signal(),
    )
    expect(response.status).toBe(302)
    expect(response.headers).toContainEqual(['location', '/landing'])
    expect(upstream.hitsOn('/landing')).toBe(0)
  })

  it('reads a HEAD answer with a gzip label as an empty body', async () => {
    const response = await forwarder.forward(
      request({ method: 'HEAD' }),
      signal(),
    )
    expect(response.status).toBe(200)
    expect(response.body.bytes.length).toBe(0)
  })

  it('reports the status text as received', async () => {
    const response = await forwarder.forward(
      request({ path: '/no-content' }),
      signal(),
    )
    expect(response).toMatchObject({ status: 204, statusText: 'Nothing Here' })
    expect(response.body.bytes.length).toBe(0)
  })

  it('sends the given headers and body and adds no header of its own', async () => {
    const before = upstream.received.length
    await forwarder.forward(
      request({
        method: 'POST',
        path: '/echo',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Tag', 'a'],
          ['X-Tag', 'b'],
        ],
        body: Buffer.from('{"ok":true}'),
      }),
      signal(),
    )
    const received = upstream.received[before]
    expect(received?.body).toBe('{"ok":true}')
    const names = received?.headers.map(([name]) => name.toLowerCase()) ?? []
    expect(names.sort()).toEqual([
      'connection',
      'content-length',
      'content-type',
      'host',
      'x-tag',
      'x-tag',
    ])
    expect(received?.headers).toContainEqual(['content-length', '11'])
  })
})
