import type { LookupFunction } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createForwarder, type Forwarder } from './forward'
import { createSend, type Send, type SendOutcome } from './send'
import { loadSendSettings, type SendSettings } from './settings'
import { findClosedPort, startUpstream, type Upstream } from './test-upstream'

const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xa9])
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
const ownOrigin = 'http://tutorial.example:3000'

let api: Upstream
let sandbox: Upstream
let closedPort: number
let bombClosed = false
const closedHangs: string[] = []
const forwarders: Forwarder[] = []

beforeAll(async () => {
  sandbox = await startUpstream((request, response) => {
    response.setHeader('Content-Type', 'application/json')
    response.end(JSON.stringify({ path: request.url }))
  })
  api = await startUpstream((request, response, body) => {
    const path = request.url?.split('?')[0]
    switch (path) {
      case '/echo':
        response.setHeader('Content-Type', 'application/json')
        response.setHeader('Set-Cookie', ['a=1', 'b=2'])
        response.end(JSON.stringify({ method: request.method, body }))
        return
      case '/latin1':
        response.setHeader('Content-Type', 'text/plain; charset=iso-8859-1')
        response.end(latin1)
        return
      case '/png':
        response.setHeader('Content-Type', 'image/png')
        response.end(png)
        return
      case '/gzip':
        response.setHeader('Content-Type', 'application/json')
        response.setHeader('Content-Encoding', 'gzip')
        response.end(zlib.gzipSync('{"compressed":true}'))
        return
      case '/br':
        response.setHeader('Content-Type', 'text/plain')
        response.setHeader('Content-Encoding', 'br')
        response.end(zlib.brotliCompressSync('brotli text'))
        return
      case '/bad-gzip':
        response.setHeader('Content-Encoding', 'gzip')
        response.end('plain, not gzip')
        return
      case '/bomb':
        sendEndlessGzip(response)
        return
      case '/redirect':
        response.writeHead(302, { Location: `${api.origin}/landing` }).end()
        return
      case '/hang':
        request.socket.once('close', () => closedHangs.push(request.url ?? ''))
        return
      case '/stall-body':
        response.writeHead(200, { 'Content-Type': 'text/plain' })
        response.write('first part')
        return
      case '/reset':
        request.socket.destroy()
        return
      default:
        response.end('ok')
    }
  })
  closedPort = await findClosedPort()
})

afterAll(async () => {
  await Promise.all(forwarders.map((forwarder) => forwarder.close()))
  await Promise.all([api.close(), sandbox.close()])
})

function sendEndlessGzip(response: import('node:http').ServerResponse) {
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Encoding': 'gzip',
  })
  const gzip = zlib.createGzip()
  gzip.pipe(response)
  const zeros = Buffer.alloc(64 * 1024)
  const pump = () => {
    while (!response.destroyed && gzip.write(zeros)) {}
    if (!response.destroyed) gzip.once('drain', pump)
  }
  response.on('close', () => {
    bombClosed = true
    gzip.destroy()
  })
  pump()
}

function makeSend(
  env: Record<string, string> = {},
  lookup?: LookupFunction,
): { send: Send; settings: SendSettings } {
  const settings = loadSendSettings({
    SEND_ALLOWED_ORIGINS: [
      api.origin,
      `https://127.0.0.1:${api.port}`,
      `http://127.0.0.1:${closedPort}`,
      'http://api.bigid.invalid',
    ].join(','),
    SANDBOX_INTERNAL_ORIGIN: sandbox.origin,
    ...env,
  })
  const forwarder = createForwarder(settings, lookup ? { lookup } : {})
  forwarders.push(forwarder)
  return { send: createSend(settings, forwarder), settings }
}

let defaultSend: Send
const send = (input: unknown, signal?: AbortSignal) => {
  defaultSend ??= makeSend().send
  return defaultSend(input, { ownOrigin, ...(signal ? { signal } : {}) })
}

function expectReply(outcome: SendOutcome) {
  if (!outcome.ok) throw outcome.error
  return outcome.reply
}

function expectError(outcome: SendOutcome, code: string, status: number) {
  expect(outcome.ok ? 'sent' : outcome.error.code).toBe(code)
  expect(outcome.ok ? 200 : outcome.error.status).toBe(status)
}

describe('send to an allowed origin', () => {
  it('hands back status, headers and body with every contract key', async () => {
    const outcome = await send({
      method: 'post',
      url: `${api.origin}/echo?page=2#ignored`,
      headers: [['Content-Type', 'application/json']],
      body: '{"hello":"world"}',
    })
    const reply = expectReply(outcome)
    expect(reply).toMatchObject({
      status: 200,
      statusText: 'OK',
      bodyEncoding: 'utf8',
      truncated: false,
      contentEncoding: null,
      url: `${api.origin}/echo?page=2`,
    })
    expect(JSON.parse(reply.body)).toEqual({
      method: 'POST',
      body: '{"hello":"world"}',
    })
    expect(reply.sizeBytes).toBe(Buffer.byteLength(reply.body))
    expect(reply.durationMs).toBeGreaterThanOrEqual(0)
    expect(reply.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect(outcome.summary).toMatchObject({
      method: 'POST',
      target: `${api.origin}/echo`,
      sizeBytes: reply.sizeBytes,
    })
  })

  it('decodes gzip once and reports content-encoding as data', async () => {
    const reply = expectReply(
      await send({ method: 'GET', url: `${api.origin}/gzip`, headers: [] }),
    )
    expect(reply.body).toBe('{"compressed":true}')
    expect(reply.contentEncoding).toBe('gzip')
    expect(reply.headers).toContainEqual(['content-encoding', 'gzip'])
  })

  it('decodes brotli once', async () => {
    const reply = expectReply(
      await send({ method: 'GET', url: `${api.origin}/br`, headers: [] }),
    )
    expect(reply).toMatchObject({ body: 'brotli text', contentEncoding: 'br' })
  })

  it('decodes Latin-1 text by its charset', async () => {
    const reply = expectReply(
      await send({ method: 'GET', url: `${api.origin}/latin1`, headers: [] }),
    )
    expect(reply).toMatchObject({
      body: 'café ©',
      bodyEncoding: 'utf8',
      sizeBytes: 6,
    })
  })

  it('sends binary back as base64', async () => {
    const reply = expectReply(
      await send({ method: 'GET', url: `${api.origin}/png`, headers: [] }),
    )
    expect(reply).toMatchObject({
      bodyEncoding: 'base64',
      sizeBytes: png.length,
    })
    expect(Buffer.from(reply.body, 'base64').equals(png)).toBe(true)
  })

  it('shows a redirect and does not follow it', async () => {
    const reply = expectReply(
      await send({ method: 'GET', url: `${api.origin}/redirect`, headers: [] }),
    )
    expect(reply.status).toBe(302)
    expect(reply.headers).toContainEqual(['location', `${api.origin}/landing`])
    expect(api.hitsOn('/landing')).toBe(0)
  })

  it('answers HEAD with an empty body', async () => {
    const reply = expectReply(
      await send({ method: 'HEAD', url: `${api.origin}/gzip`, headers: [] }),
    )
    expect(reply).toMatchObject({ status: 200, body: '', sizeBytes: 0 })
  })

  it('caps a decompression bomb, marks it truncated and hangs up', async () => {
    const { send: capped } = makeSend({ SEND_MAX_RESPONSE_BYTES: '65536' })
    const outcome = await capped(
      { method: 'GET', url: `${api.origin}/bomb`, headers: [] },
      { ownOrigin },
    )
    const reply = expectReply(outcome)
    expect(reply).toMatchObject({
      truncated: true,
      sizeBytes: 65_536,
      contentEncoding: 'gzip',
    })
    expect(Buffer.from(reply.body, 'base64').length).toBe(65_536)
    expect(reply.notes.map((note) => note.code)).toContain('response_truncated')
    await vi.waitFor(() => expect(bombClosed).toBe(true))
  })

  it('strips refused headers with a note and never sends them', async () => {
    const before = api.received.length
    const reply = expectReply(
      await send({
        method: 'POST',
        url: `${api.origin}/echo`,
        headers: [
          ['Transfer-Encoding', 'chunked'],
          ['Expect', '100-continue'],
          ['Upgrade', 'websocket'],
          ['Keep-Alive', 'timeout=5'],
          ['Content-Length', '999'],
          ['Cookie', 'session=app-secret'],
          ['X-Forwarded-For', '10.0.0.1'],
          ['X-Kept', 'yes'],
        ],
        body: 'abc',
      }),
    )
    expect(reply.notes.map((note) => note.code)).toEqual(
      Array(7).fill('header_stripped'),
    )
    const sent = api.received[before]?.headers.map(([name]) =>
      name.toLowerCase(),
    )
    expect(sent?.sort()).toEqual([
      'connection',
      'content-length',
      'host',
      'x-kept',
    ])
    expect(api.received[before]?.headers).toContainEqual([
      'content-length',
      '3',
    ])
  })
})

describe('send to the sandbox', () => {
  it.each([
    'http://127.0.0.1:3000/sandbox/api/v1/sessions',
    'http://localhost:3000/sandbox/api/v1/sessions',
    `${ownOrigin}/sandbox/api/v1/sessions`,
    '/sandbox/api/v1/sessions',
  ])('connects %s to the internal origin', async (url) => {
    const reply = expectReply(await send({ method: 'GET', url, headers: [] }))
    expect(JSON.parse(reply.body)).toEqual({ path: '/sandbox/api/v1/sessions' })
  })

  it('ignores a spoofed Host: the sandbox is still the internal origin', async () => {
    const { send: spoofable } = makeSend()
    const outcome = await spoofable(
      {
        method: 'GET',
        url: 'http://attacker.example/sandbox/api/v1/x',
        headers: [],
      },
      { ownOrigin: 'http://attacker.example' },
    )
    expect(JSON.parse(expectReply(outcome).body)).toEqual({
      path: '/sandbox/api/v1/x',
    })
  })
})

describe('send refuses by policy and sends nothing', () => {
  it.each([
    ['http://127.0.0.1:3000/api/send', 'target_not_allowed', 403],
    ['/api/send', 'target_not_allowed', 403],
    ['http://127.0.0.1:3000/sandbox/../api/send', 'unsafe_sandbox_path', 400],
    [
      'http://127.0.0.1:3000/sandbox/%2e%2e/api/send',
      'unsafe_sandbox_path',
      400,
    ],
    ['http://127.0.0.1:3000/sandbox/%2E./api/send', 'unsafe_sandbox_path', 400],
    ['http://127.0.0.1:3000/sandbox/a%2fb', 'unsafe_sandbox_path', 400],
    ['http://127.0.0.1:3000/sandbox/a%5cb', 'unsafe_sandbox_path', 400],
    ['http://user:pw@127.0.0.1:3000/sandbox/api', 'url_has_userinfo', 400],
    ['ftp://127.0.0.1/file', 'unsupported_scheme', 400],
    ['https://not-allowed.example/api', 'target_not_allowed', 403],
    [
      'http://127.0.0.1:3001/sandbox/api/v1/sessions',
      'target_not_allowed',
      403,
    ],
  ])('refuses %s with %s', async (url, code, status) => {
    const before = api.received.length + sandbox.received.length
    expectError(await send({ method: 'GET', url, headers: [] }), code, status)
    expect(api.received.length + sandbox.received.length).toBe(before)
  })

  it('refuses an allowed host on a different port', async () => {
    const url = `http://127.0.0.1:${api.port + 1}/echo`
    expectError(
      await send({ method: 'GET', url, headers: [] }),
      'target_not_allowed',
      403,
    )
  })

  it.each([
    [{}, 'invalid_input', 'method'],
    [{ method: 'GET', url: 42 }, 'invalid_input', 'url'],
    [
      { method: 'GET', url: '/x', headers: [['a']] },
      'invalid_input',
      'headers[0]',
    ],
    [{ method: 'GET', url: '/x', body: 7 }, 'invalid_input', 'body'],
    ['not an object', 'invalid_input', 'request'],
  ])('refuses the input %j naming its field', async (input, code, field) => {
    const outcome = await send(input)
    expectError(outcome, code, 400)
    expect(!outcome.ok && outcome.error.message).toContain(`"${field}"`)
  })

  it.each(['CONNECT', 'TRACE', 'BREW'])(
    'refuses the method %s',
    async (method) => {
      expectError(
        await send({ method, url: `${api.origin}/echo`, headers: [] }),
        'method_not_allowed',
        400,
      )
    },
  )

  it('refuses a body on GET', async () => {
    expectError(
      await send({
        method: 'GET',
        url: `${api.origin}/echo`,
        headers: [],
        body: 'x',
      }),
      'body_not_allowed',
      400,
    )
  })

  it('refuses a body over SEND_MAX_REQUEST_BYTES with 413', async () => {
    const { send: small } = makeSend({ SEND_MAX_REQUEST_BYTES: '10' })
    const before = api.received.length
    const input = { method: 'POST', url: `${api.origin}/echo`, headers: [] }
    expectError(
      await small({ ...input, body: 'é'.repeat(6) }, { ownOrigin }),
      'request_too_large',
      413,
    )
    expect(api.received.length).toBe(before)
    expect(
      expectReply(await small({ ...input, body: 'é'.repeat(5) }, { ownOrigin }))
        .status,
    ).toBe(200)
  })

  it('refuses a header value with a line break', async () => {
    expectError(
      await send({
        method: 'GET',
        url: `${api.origin}/echo`,
        headers: [['X-A', 'a\r\nX-B: b']],
      }),
      'header_value_line_break',
      400,
    )
  })
})

describe('send reports upstream failures', () => {
  it('times out with 504 within the deadline', async () => {
    const { send: quick } = makeSend({ SEND_TIMEOUT_MS: '300' })
    const started = performance.now()
    const outcome = await quick(
      { method: 'GET', url: `${api.origin}/hang`, headers: [] },
      { ownOrigin },
    )
    expectError(outcome, 'upstream_timeout', 504)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('times out with 504 when the body stalls', async () => {
    const { send: quick } = makeSend({ SEND_TIMEOUT_MS: '300' })
    const outcome = await quick(
      { method: 'GET', url: `${api.origin}/stall-body`, headers: [] },
      { ownOrigin },
    )
    expectError(outcome, 'upstream_timeout', 504)
  })

  it('reports a refused connection as 502 connection_refused', async () => {
    const outcome = await send({
      method: 'GET',
      url: `http://127.0.0.1:${closedPort}/`,
      headers: [],
    })
    expectError(outcome, 'connection_refused', 502)
    expect(!outcome.ok && outcome.error.causeCode).toBe('ECONNREFUSED')
  })

  it('reports a dropped connection as 502 connection_reset', async () => {
    const outcome = await send({
      method: 'GET',
      url: `${api.origin}/reset`,
      headers: [],
    })
    expectError(outcome, 'connection_reset', 502)
  })

  it('reports HTTPS to a plain HTTP port as 502 tls_failure', async () => {
    const outcome = await send({
      method: 'GET',
      url: `https://127.0.0.1:${api.port}/`,
      headers: [],
    })
    expectError(outcome, 'tls_failure', 502)
  })

  it('reports a name that does not resolve as 502 dns_failure', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) => {
      const error = Object.assign(
        new Error(`getaddrinfo ENOTFOUND ${hostname}`),
        {
          code: 'ENOTFOUND',
        },
      )
      callback(error, '', 4)
    }
    const { send: stubbed } = makeSend({}, lookup)
    const outcome = await stubbed(
      { method: 'GET', url: 'http://api.bigid.invalid/api/v1/x', headers: [] },
      { ownOrigin },
    )
    expectError(outcome, 'dns_failure', 502)
    expect(!outcome.ok && outcome.error.message).toContain('api.bigid.invalid')
  })

  it('refuses an allowed host that leads to a refused address with 403', async () => {
    // The stub sends the name to loopback and the check refuses loopback:
    // no other address is ever involved.
    const toLoopback: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }])
      else callback(null, '127.0.0.1', 4)
    }
    const settings = loadSendSettings({
      SEND_ALLOWED_ORIGINS: `http://metadata.test:${api.port}`,
    })
    const forwarder = createForwarder(settings, {
      lookup: toLoopback,
      isRefusedAddress: (address) => address === '127.0.0.1',
    })
    forwarders.push(forwarder)
    const hits = api.received.length
    const outcome = await createSend(settings, forwarder)(
      { method: 'GET', url: `http://metadata.test:${api.port}/`, headers: [] },
      { ownOrigin },
    )
    expectError(outcome, 'link_local_refused', 403)
    expect(!outcome.ok && outcome.error.message).toContain(
      'metadata.test leads to 127.0.0.1',
    )
    expect(api.received.length).toBe(hits)
  })

  it('reports a body that does not match its coding as 502', async () => {
    expectError(
      await send({ method: 'GET', url: `${api.origin}/bad-gzip`, headers: [] }),
      'upstream_body_undecodable',
      502,
    )
  })

  it('aborts upstream when the learner cancels', async () => {
    const controller = new AbortController()
    const hangsBefore = api.hitsOn('/hang')
    const sending = send(
      { method: 'GET', url: `${api.origin}/hang?cancel`, headers: [] },
      controller.signal,
    )
    await vi.waitFor(() => expect(api.hitsOn('/hang')).toBe(hangsBefore + 1))
    controller.abort()
    expectError(await sending, 'request_cancelled', 499)
    await vi.waitFor(() => expect(closedHangs).toContain('/hang?cancel'))
  })
})

describe('send clears its deadline', () => {
  // A pending deadline timer keeps the finished request's async context
  // (and with it Next's whole request) reachable until it fires.
  it.each([
    ['a reply', '/echo'],
    ['a failure', '/reset'],
  ])('when the send ends with %s', async (_, path) => {
    const { send: timed } = makeSend({ SEND_TIMEOUT_MS: '14321' })
    const started = vi.spyOn(globalThis, 'setTimeout')
    const cleared = vi.spyOn(globalThis, 'clearTimeout')
    try {
      await timed(
        { method: 'GET', url: `${api.origin}${path}`, headers: [] },
        { ownOrigin },
      )
      const deadlines = started.mock.results.filter(
        (_result, index) => started.mock.calls[index]?.[1] === 14_321,
      )
      expect(deadlines).toHaveLength(1)
      expect(cleared).toHaveBeenCalledWith(deadlines[0]?.value)
    } finally {
      started.mockRestore()
      cleared.mockRestore()
    }
  })
})
