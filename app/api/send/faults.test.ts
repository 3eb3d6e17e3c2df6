import type { LookupFunction } from 'node:net'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest'
import {
  FAULT_BINARY,
  FAULT_BOMB_DECODED_BYTES,
  FAULT_HUGE_BYTES,
  type FaultUpstream,
  startFaultUpstream,
} from '@/lib/send/fault-upstream'
import { createForwarder } from '@/lib/send/forward'
import { createSend } from '@/lib/send/send'
import { loadSendSettings } from '@/lib/send/settings'

// Each fault goes through the real route to a misbehaving server on
// loopback, then a plain request checks that the route still answers.
type RouteModule = typeof import('./route')

const phaseMs = 300
const deadlineMs = 1_500
const capBytes = 1024 * 1024
/** Slack for a loaded machine; every bound is still far below 5 s. */
const slackMs = 700
/**
 * undici checks its connect, headers and body timers about twice a
 * second, so they fire up to a second late (the overall deadline does not).
 */
const undiciTimerMs = 1_000

let POST: RouteModule['POST']
let upstream: FaultUpstream
let stdout: MockInstance<typeof process.stdout.write>
const savedEnv = { ...process.env }

beforeAll(async () => {
  upstream = await startFaultUpstream()
  Object.assign(process.env, {
    SEND_ALLOWED_ORIGINS: upstream.origin,
    SEND_TIMEOUT_MS: String(deadlineMs),
    SEND_CONNECT_TIMEOUT_MS: String(phaseMs),
    SEND_HEADERS_TIMEOUT_MS: String(phaseMs),
    SEND_BODY_TIMEOUT_MS: String(phaseMs),
    SEND_MAX_RESPONSE_BYTES: String(capBytes),
    SEND_RATE_LIMIT: '0',
  })
  vi.resetModules()
  ;({ POST } = await import('./route'))
})

afterAll(async () => {
  process.env = savedEnv
  await upstream.close()
})

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  stdout.mockRestore()
})

async function sendTo(
  path: string,
): Promise<{ status: number; payload: Record<string, unknown>; ms: number }> {
  const started = performance.now()
  const response = await POST(
    new Request('http://127.0.0.1:3000/api/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', url: `${upstream.origin}${path}` }),
    }),
  )
  const payload = (await response.json()) as Record<string, unknown>
  return { status: response.status, payload, ms: performance.now() - started }
}

async function expectStillAnswering() {
  const { status, payload } = await sendTo('/ok')
  expect(status).toBe(200)
  expect(payload).toMatchObject({ status: 200, body: 'ok' })
}

function errorCode(payload: Record<string, unknown>): unknown {
  return (payload.error as { code?: unknown } | undefined)?.code
}

describe('the send route against a faulty upstream', () => {
  it.each([
    ['/slow-headers', 'upstream_headers_timeout', 504, phaseMs],
    ['/slow-body', 'upstream_body_timeout', 504, phaseMs],
  ])('answers %s with %s (%i) in time', async (path, code, status, waitMs) => {
    const { status: answered, payload, ms } = await sendTo(path)
    expect(errorCode(payload)).toBe(code)
    expect(answered).toBe(status)
    expect(ms).toBeGreaterThanOrEqual(waitMs - 50)
    expect(ms).toBeLessThan(waitMs + undiciTimerMs + slackMs)
    await expectStillAnswering()
  })

  it.each([
    ['/drip', 'upstream_timeout', 504, deadlineMs],
    ['/reset-mid-body', 'upstream_body_incomplete', 502, 0],
    ['/truncated', 'upstream_body_incomplete', 502, 0],
    ['/truncated-chunked', 'upstream_body_incomplete', 502, 0],
    ['/many-headers', 'upstream_headers_too_large', 502, 0],
    ['/big-header', 'upstream_headers_too_large', 502, 0],
    ['/not-http', 'invalid_upstream_response', 502, 0],
    ['/reset-before-headers', 'connection_reset', 502, 0],
  ])('answers %s with %s (%i) in time', async (path, code, status, waitMs) => {
    const { status: answered, payload, ms } = await sendTo(path)
    expect(errorCode(payload)).toBe(code)
    expect(answered).toBe(status)
    expect(ms).toBeGreaterThanOrEqual(waitMs - 50)
    expect(ms).toBeLessThan(waitMs + slackMs)
    await expectStillAnswering()
  })

  it('says which side was slow in each timeout message', async () => {
    const [headers, body, deadline] = await Promise.all([
      sendTo('/slow-headers'),
      sendTo('/slow-body'),
      sendTo('/drip'),
    ])
    const message = (result: { payload: Record<string, unknown> }) =>
      (result.payload.error as { message: string }).message
    expect(message(headers)).toContain(
      'did not start answering within 0.3 seconds',
    )
    expect(message(body)).toContain('sent nothing for 0.3 seconds')
    expect(message(deadline)).toContain('within 1.5 seconds')
    for (const result of [headers, body, deadline]) {
      expect(message(result)).toContain(upstream.origin)
      expect(message(result)).toMatch(/server/)
    }
  })

  it('shows only the announced bytes when more follow a short Content-Length', async () => {
    const { payload, ms } = await sendTo('/short-content-length')
    expect(payload).toMatchObject({ status: 200, body: 'hello' })
    expect(ms).toBeLessThan(slackMs)
    await expectStillAnswering()
  })

  it('caps a decompression bomb at the limit, flagged, within a second', async () => {
    const { payload, ms } = await sendTo('/bomb')
    expect(payload).toMatchObject({
      status: 200,
      truncated: true,
      sizeBytes: capBytes,
      contentEncoding: 'gzip',
    })
    expect(capBytes).toBeLessThan(FAULT_BOMB_DECODED_BYTES / 1000)
    expect(ms).toBeLessThan(1_000 + slackMs)
    await expectStillAnswering()
  })

  it('cuts a 64 MiB body at the cap and hangs up', async () => {
    const before = upstream.connections()
    const { payload, ms } = await sendTo('/huge')
    expect(payload).toMatchObject({
      status: 200,
      truncated: true,
      sizeBytes: capBytes,
      bodyEncoding: 'utf8',
    })
    expect(capBytes).toBeLessThan(FAULT_HUGE_BYTES)
    expect((payload.notes as { code: string }[]).map((n) => n.code)).toContain(
      'response_truncated',
    )
    expect(ms).toBeLessThan(1_000 + slackMs)
    await expectStillAnswering()
    expect(upstream.connections()).toBeGreaterThan(before)
  })

  it('hands binary back as base64, byte for byte', async () => {
    const { payload } = await sendTo('/binary')
    expect(payload.bodyEncoding).toBe('base64')
    expect(
      Buffer.from(String(payload.body), 'base64').equals(FAULT_BINARY),
    ).toBe(true)
    await expectStillAnswering()
  })

  it('decodes Latin-1 text by its charset', async () => {
    const { payload } = await sendTo('/latin1')
    expect(payload).toMatchObject({ body: 'café ©', bodyEncoding: 'utf8' })
    await expectStillAnswering()
  })

  it('logs one line per fault, with the code', async () => {
    await sendTo('/reset-before-headers')
    const lines = stdout.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((line) => line.startsWith('send '))
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^send GET ${upstream.origin}/reset-before-headers connection_reset 0B \\d+ms\\n$`,
        ),
      ),
    ])
  })
})

describe('the sender against a host that never connects', () => {
  it('answers upstream_connect_timeout (504) in time, then still sends', async () => {
    // The name never resolves: the connect timeout covers lookup and
    // handshake, so this stands in for a server that drops the SYN.
    const hangingLookup: LookupFunction = () => undefined
    const settings = loadSendSettings({
      SEND_ALLOWED_ORIGINS: `http://never.test,${upstream.origin}`,
      SEND_TIMEOUT_MS: String(deadlineMs),
      SEND_CONNECT_TIMEOUT_MS: String(phaseMs),
    })
    const forwarder = createForwarder(settings, { lookup: hangingLookup })
    const send = createSend(settings, forwarder)
    const context = { ownOrigin: 'http://127.0.0.1:3000' }
    try {
      const started = performance.now()
      const outcome = await send(
        { method: 'GET', url: 'http://never.test/api', headers: [] },
        context,
      )
      const ms = performance.now() - started
      expect(outcome.ok ? 'sent' : outcome.error.code).toBe(
        'upstream_connect_timeout',
      )
      expect(!outcome.ok && outcome.error.status).toBe(504)
      expect(!outcome.ok && outcome.error.message).toContain(
        'did not accept a connection within 0.3 seconds',
      )
      expect(ms).toBeGreaterThanOrEqual(phaseMs - 50)
      expect(ms).toBeLessThan(phaseMs + undiciTimerMs + slackMs)

      const after = await send(
        { method: 'GET', url: `${upstream.origin}/ok`, headers: [] },
        context,
      )
      expect(after.ok && after.reply.body).toBe('ok')
    } finally {
      await forwarder.close()
    }
  })
})
