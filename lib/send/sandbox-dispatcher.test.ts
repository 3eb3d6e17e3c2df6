import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox } from '../sandbox/sandbox'
import { readSettings } from '../sandbox/settings'
import { createForwarder } from './forward'
import type { SandboxHandler } from './sandbox-dispatcher'
import { createSend, type SendOutcome, type SendReply } from './send'
import { loadSendSettings } from './settings'
import { startUpstream, type Upstream } from './test-upstream'

const ownOrigin = 'http://127.0.0.1:3000'
const sandbox = createSandbox(
  readSettings({
    SANDBOX_USERS: 'alice:secret',
    SANDBOX_JWT_SECRET: 'dispatcher-test-secret-dispatcher-test',
  }),
)

// The same sandbox over a real socket, as Sends reached it before.
let wire: Upstream
beforeAll(async () => {
  wire = await startUpstream((request, response, body) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value)
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    void sandbox(
      new Request(`${ownOrigin}${request.url}`, {
        method: request.method,
        headers,
        body: hasBody ? body : null,
      }),
    ).then(async (reply) => {
      response.statusCode = reply.status
      for (const [name, value] of reply.headers) {
        response.appendHeader(name, value)
      }
      response.end(Buffer.from(await reply.arrayBuffer()))
    })
  })
})
afterAll(() => wire.close())

function sendWith(
  handler: SandboxHandler | undefined,
  env: Record<string, string> = {},
) {
  const settings = loadSendSettings({
    PORT: handler ? '3000' : String(wire.port),
    ...env,
  })
  return createSend(
    settings,
    createForwarder(settings, handler ? { sandbox: handler } : {}),
  )
}

const login = {
  method: 'POST',
  url: `${ownOrigin}/sandbox/api/v1/sessions`,
  headers: [['Content-Type', 'application/json']],
  body: '{"username":"alice","password":"secret"}',
}

function replyOf(outcome: SendOutcome): SendReply {
  if (!outcome.ok) throw new Error(`send failed: ${outcome.error.code}`)
  return outcome.reply
}

/** What only a socket adds: framing and the server's own stamps. */
const transportHeaders = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'transfer-encoding',
])

describe('sends to the sandbox answered in process', () => {
  it('sign in gives the reply the socket gave, minus transport headers', async () => {
    const inProcess = replyOf(await sendWith(sandbox)(login, { ownOrigin }))
    const overWire = replyOf(await sendWith(undefined)(login, { ownOrigin }))

    expect(inProcess.status).toBe(200)
    expect(inProcess.statusText).toBe('OK')
    expect(JSON.parse(inProcess.body)).toHaveProperty('auth_token')
    expect(inProcess.url).toBe(`${ownOrigin}/sandbox/api/v1/sessions`)

    const names = (reply: SendReply) =>
      reply.headers
        .map(([name]) => name)
        .filter((name) => !transportHeaders.has(name))
    expect(names(inProcess)).toEqual(names(overWire))
    expect(inProcess.status).toBe(overWire.status)
    expect(Object.keys(JSON.parse(inProcess.body))).toEqual(
      Object.keys(JSON.parse(overWire.body)),
    )
  })

  it('keeps each Set-Cookie apart, commas in dates and all', async () => {
    const cookies = [
      'a=1; Expires=Sat, 05 Dec 2026 16:54:17 GMT',
      'b=2; Path=/sandbox',
    ]
    const twoCookies: SandboxHandler = async () => {
      const headers = new Headers()
      for (const cookie of cookies) headers.append('set-cookie', cookie)
      return new Response('{}', { headers })
    }
    const reply = replyOf(
      await sendWith(twoCookies)(
        { method: 'GET', url: `${ownOrigin}/sandbox/api/v1/x`, headers: [] },
        { ownOrigin },
      ),
    )
    expect(
      reply.headers.filter(([name]) => name === 'set-cookie').map(([, v]) => v),
    ).toEqual(cookies)
  })

  it('takes the token it handed out on the next call', async () => {
    const send = sendWith(sandbox)
    const signedIn = replyOf(await send(login, { ownOrigin }))
    const token = JSON.parse(signedIn.body).auth_token as string
    const list = replyOf(
      await send(
        {
          method: 'GET',
          url: `${ownOrigin}/sandbox/api/v1/ds-connections`,
          headers: [['Authorization', token]],
        },
        { ownOrigin },
      ),
    )
    expect(list.status).toBe(200)
    expect(JSON.parse(list.body).data.ds_connections.length).toBe(20)
  })

  it('caps a big body at SEND_MAX_RESPONSE_BYTES and marks it cut', async () => {
    const huge: SandboxHandler = async () =>
      new Response('x'.repeat(3 * 1024 * 1024 + 7))
    const reply = replyOf(
      await sendWith(huge, { SEND_MAX_RESPONSE_BYTES: '1048576' })(
        { method: 'GET', url: `${ownOrigin}/sandbox/api/v1/big`, headers: [] },
        { ownOrigin },
      ),
    )
    expect(reply.truncated).toBe(true)
    expect(reply.sizeBytes).toBe(1024 * 1024)
  })

  it('stops reading a body that never ends when the deadline passes', async () => {
    let pulls = 0
    const endless: SandboxHandler = async () =>
      new Response(
        new ReadableStream({
          async pull(controller) {
            pulls++
            await new Promise((resolve) => setTimeout(resolve, 20))
            controller.enqueue(new TextEncoder().encode('tick '))
          },
        }),
      )
    const startedAt = Date.now()
    const outcome = await sendWith(endless, { SEND_TIMEOUT_MS: '300' })(
      { method: 'GET', url: `${ownOrigin}/sandbox/api/v1/slow`, headers: [] },
      { ownOrigin },
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe('upstream_timeout')
    expect(Date.now() - startedAt).toBeLessThan(1_500)
    const pullsAtEnd = pulls
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(pulls).toBeLessThanOrEqual(pullsAtEnd + 1)
  })

  it('reports the learner cancelling as request_cancelled', async () => {
    const never: SandboxHandler = () => new Promise(() => {})
    const cancel = new AbortController()
    const pending = sendWith(never)(
      { method: 'GET', url: `${ownOrigin}/sandbox/api/v1/hang`, headers: [] },
      { ownOrigin, signal: cancel.signal },
    )
    setTimeout(() => cancel.abort(), 50)
    const outcome = await pending
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe('request_cancelled')
  })

  it('reports a sandbox that throws as a failed upstream, not a crash', async () => {
    const broken: SandboxHandler = async () => {
      throw new Error('sandbox bug')
    }
    const outcome = await sendWith(broken)(
      { method: 'GET', url: `${ownOrigin}/sandbox/api/v1/x`, headers: [] },
      { ownOrigin },
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe('upstream_failed')
  })

  it('refuses a request head too big for a server, as one would (431)', async () => {
    const big = Array.from({ length: 3 }, (_, index) => [
      `X-Big-${index}`,
      'v'.repeat(8_000),
    ])
    const reply = replyOf(
      await sendWith(sandbox)(
        {
          method: 'GET',
          url: `${ownOrigin}/sandbox/api/v1/ds-connections`,
          headers: [['Authorization', 'SAMPLE'], ...big],
        },
        { ownOrigin },
      ),
    )
    expect(reply.status).toBe(431)
    expect(reply.statusText).toBe('Request Header Fields Too Large')
    const overWire = replyOf(
      await sendWith(undefined)(
        {
          method: 'GET',
          url: `${ownOrigin}/sandbox/api/v1/ds-connections`,
          headers: [['Authorization', 'SAMPLE'], ...big],
        },
        { ownOrigin },
      ),
    )
    expect(overWire.status).toBe(431)
  })

  it('shows no Content-Length on a 204, as the wire does', async () => {
    const empty: SandboxHandler = async () =>
      new Response(null, { status: 204, headers: { 'content-length': '0' } })
    const reply = replyOf(
      await sendWith(empty)(
        {
          method: 'OPTIONS',
          url: `${ownOrigin}/sandbox/api/v1/x`,
          headers: [],
        },
        { ownOrigin },
      ),
    )
    expect(reply.status).toBe(204)
    expect(reply.headers.map(([name]) => name)).not.toContain('content-length')
  })

  it('gives HEAD no body', async () => {
    const reply = replyOf(
      await sendWith(sandbox)(
        {
          method: 'HEAD',
          url: `${ownOrigin}/sandbox/api/v1/ds-connections`,
          headers: [['Authorization', 'SAMPLE']],
        },
        { ownOrigin },
      ),
    )
    expect(reply.body).toBe('')
  })
})
