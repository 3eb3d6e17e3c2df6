import type { LookupFunction } from 'node:net'
import zlib from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AddressRefusedError } from './address-policy'
import {
  createForwarder,
  type ForwarderSettings,
  type ForwardRequest,
} from './forward'
import { prepareRequestHeaders } from './headers'
import { startUpstream, type Upstream } from './test-upstream'

const text = 'Hello from the loopback upstream. '.repeat(50)
let upstream: Upstream
const settings: ForwarderSettings = {
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
  maxResponseBytes: 1e6,
  allowLinkLocal: false,
}
const forwarder = createForwarder(settings)

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
    toSandbox: false,
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

describe('createForwarder, checking addresses at connect time', () => {
  // Every name here resolves to loopback through a stub, and the address
  // refused is loopback itself: a wiring bug would reach the test's own
  // upstream (and fail on its hit count), never another host.
  const toLoopback: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }])
    else callback(null, '127.0.0.1', 4)
  }
  const refuseLoopback = (address: string) => address === '127.0.0.1'

  it('connects through the lookup it was given', async () => {
    const stubbed = createForwarder(settings, { lookup: toLoopback })
    try {
      const response = await stubbed.forward(
        request({ origin: `http://bigid.test:${upstream.port}`, path: '/br' }),
        signal(),
      )
      expect(response.status).toBe(200)
    } finally {
      await stubbed.close()
    }
  })

  it('refuses a name whose address is refused, without connecting', async () => {
    const guarded = createForwarder(settings, {
      lookup: toLoopback,
      isRefusedAddress: refuseLoopback,
    })
    const before = upstream.received.length
    try {
      const sending = guarded.forward(
        request({ origin: `http://bigid.test:${upstream.port}` }),
        signal(),
      )
      await expect(sending).rejects.toBeInstanceOf(AddressRefusedError)
      await expect(sending).rejects.toMatchObject({
        host: 'bigid.test',
        address: '127.0.0.1',
      })
    } finally {
      await guarded.close()
    }
    expect(upstream.received.length).toBe(before)
  })

  it('refuses a refused IP literal, which skips name lookup', async () => {
    const guarded = createForwarder(settings, {
      isRefusedAddress: refuseLoopback,
    })
    const before = upstream.received.length
    try {
      await expect(
        guarded.forward(request({}), signal()),
      ).rejects.toBeInstanceOf(AddressRefusedError)
    } finally {
      await guarded.close()
    }
    expect(upstream.received.length).toBe(before)
  })
})

describe('createForwarder, with any headers the validation lets through', () => {
  const tchar =
    "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-"
  const name = fc.oneof(
    fc.string({ unit: fc.constantFrom(...tchar), minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      'Host',
      'Content-Length',
      'Transfer-Encoding',
      'Connection',
      'Keep-Alive',
      'Upgrade',
      'Expect',
      'TE',
      'Trailer',
      'Proxy-Authorization',
      'Cookie',
      'X-Forwarded-For',
      'Sec-Fetch-Site',
      'Authorization',
      'Content-Type',
    ),
  )
  const char = (min: number, max: number) =>
    fc.integer({ min, max }).map((code) => String.fromCharCode(code))
  // Mostly characters a field value may carry, now and then any other.
  const value = fc.string({
    unit: fc.oneof(
      { arbitrary: char(0x20, 0x7e), weight: 12 },
      { arbitrary: char(0x80, 0xff), weight: 4 },
      { arbitrary: fc.constant('\t'), weight: 1 },
      { arbitrary: char(0, 0x17f), weight: 1 },
    ),
    maxLength: 24,
  })

  it('never has undici refuse them, and delivers each as written', async () => {
    let sentCount = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, value), { maxLength: 6 }),
        async (pairs) => {
          const prepared = prepareRequestHeaders(pairs)
          if (!prepared.ok) return
          sentCount += 1
          const before = upstream.received.length
          await forwarder.forward(
            request({
              method: 'POST',
              path: '/echo',
              headers: prepared.value.headers,
              body: Buffer.from('x'),
            }),
            signal(),
          )
          const received = upstream.received[before]?.headers ?? []
          const sent = prepared.value.headers.map(
            ([n, v]) => `${n.toLowerCase()}: ${v.trim()}`,
          )
          const added = ['host', 'connection', 'content-length']
          const arrived = received
            .filter(([n]) => !added.includes(n.toLowerCase()))
            .map(([n, v]) => `${n.toLowerCase()}: ${v.trim()}`)
          expect(arrived).toEqual(sent)
        },
      ),
      { numRuns: 300 },
    )
    expect(sentCount).toBeGreaterThan(100)
  })
})
