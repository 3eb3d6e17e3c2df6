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
import { startUpstream, type Upstream } from '@/lib/send/test-upstream'

type RouteModule = typeof import('./route')

const secrets = {
  password: 'hunter2-pass',
  authorization: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.request-token',
  authToken: 'eyJhbGciOiJIUzI1NiJ9.YXV0aA.reply-auth-token',
  systemToken: 'eyJhbGciOiJIUzI1NiJ9.c3lzdGVt.reply-system-token',
}
const loginReply = {
  success: true,
  auth_token: secrets.authToken,
  systemToken: secrets.systemToken,
}

let POST: RouteModule['POST']
let GET: RouteModule['GET']
let api: Upstream
let sandbox: Upstream
let stdout: MockInstance<typeof process.stdout.write>
const savedEnv = { ...process.env }

beforeAll(async () => {
  api = await startUpstream((request, response, body) => {
    if (request.url === '/moved') {
      response.writeHead(301, { Location: `${api.origin}/landing` }).end()
      return
    }
    response.setHeader('Content-Type', 'application/json')
    response.setHeader('Set-Cookie', ['upstream_session=1', 'tracking=2'])
    response.setHeader('Access-Control-Allow-Origin', '*')
    if (request.url === '/login') {
      response.end(JSON.stringify(loginReply))
      return
    }
    response.end(JSON.stringify({ url: request.url, body }))
  })
  sandbox = await startUpstream((request, response) => {
    response.setHeader('Content-Type', 'application/json')
    response.end(JSON.stringify({ sandboxPath: request.url }))
  })
  process.env.SEND_ALLOWED_ORIGINS = api.origin
  process.env.SANDBOX_INTERNAL_ORIGIN = sandbox.origin
  process.env.SEND_MAX_REQUEST_BYTES = '1024'
  process.env.SEND_RATE_LIMIT = '1000'
  vi.resetModules()
  ;({ POST, GET } = await import('./route'))
})

afterAll(async () => {
  process.env = savedEnv
  await Promise.all([api.close(), sandbox.close()])
})

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  stdout.mockRestore()
})

function logLines(): string[] {
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.startsWith('send '))
}

function post(
  input: unknown,
  headers: Record<string, string> = {},
  address = 'http://127.0.0.1:3000/api/send',
): Promise<Response> {
  return POST(
    new Request(address, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof input === 'string' ? input : JSON.stringify(input),
    }),
  )
}

describe('POST /api/send', () => {
  it('answers 200 with the upstream reply as data, in the contract shape', async () => {
    const response = await post({
      method: 'POST',
      url: `${api.origin}/echo`,
      headers: [['Content-Type', 'text/plain']],
      body: 'hello',
    })
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    const payload = await response.json()
    for (const key of [
      'status',
      'statusText',
      'headers',
      'body',
      'bodyEncoding',
      'sizeBytes',
      'durationMs',
      'truncated',
    ]) {
      expect(payload).toHaveProperty(key)
    }
    expect(JSON.parse(payload.body)).toEqual({ url: '/echo', body: 'hello' })
    expect(payload.headers).toContainEqual(['set-cookie', 'upstream_session=1'])
    expect(payload.headers).toContainEqual(['set-cookie', 'tracking=2'])
  })

  it("carries no upstream header or cookie on the route's own response", async () => {
    const response = await post({ method: 'GET', url: `${api.origin}/echo` })
    expect([...response.headers.keys()].sort()).toEqual([
      'cache-control',
      'content-type',
      'x-content-type-options',
    ])
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it("never sends the app's own cookies or request headers upstream", async () => {
    const before = api.received.length
    await post(
      { method: 'GET', url: `${api.origin}/echo`, headers: [] },
      {
        cookie: 'app_session=s3cret',
        origin: 'http://127.0.0.1:3000',
        'x-forwarded-for': '203.0.113.9',
      },
    )
    const names = api.received[before]?.headers.map(([name]) =>
      name.toLowerCase(),
    )
    expect(names?.sort()).toEqual(['connection', 'host'])
  })

  it('sends the sandbox to the internal origin even when Host is spoofed', async () => {
    const response = await post(
      {
        method: 'GET',
        url: 'http://evil.example/sandbox/api/v1/sessions',
        headers: [],
      },
      {},
      'http://evil.example/api/send',
    )
    const payload = await response.json()
    expect(JSON.parse(payload.body)).toEqual({
      sandboxPath: '/sandbox/api/v1/sessions',
    })
  })

  it('refuses /api/send itself as a target with 403', async () => {
    const response = await post({
      method: 'POST',
      url: 'http://127.0.0.1:3000/api/send',
      headers: [],
      body: '{}',
    })
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('target_not_allowed')
  })

  it.each([
    [{ origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'cross-site' }],
  ])(
    'answers a cross-origin caller %j with 403 and no CORS header',
    async (headers) => {
      const before = api.received.length
      const response = await post(
        { method: 'GET', url: `${api.origin}/echo` },
        headers,
      )
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect((await response.json()).error.code).toBe('cross_origin_caller')
      expect(api.received.length).toBe(before)
    },
  )

  it('answers 413 when the posted JSON is over its limit', async () => {
    const huge = JSON.stringify({
      method: 'POST',
      url: `${api.origin}/echo`,
      body: 'x'.repeat(200_000),
    })
    const response = await post(huge)
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('request_too_large')
  })

  it('answers 413 when the body is over SEND_MAX_REQUEST_BYTES', async () => {
    const response = await post({
      method: 'POST',
      url: `${api.origin}/echo`,
      body: 'x'.repeat(1025),
    })
    expect(response.status).toBe(413)
    expect((await response.json()).error).toEqual({
      code: 'request_too_large',
      message: expect.stringContaining('1 KiB'),
    })
  })

  it('answers 400 invalid_json to a body that is not JSON', async () => {
    const response = await post('{"method":')
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_json')
  })

  it('logs one line per send with no password, token or Authorization value', async () => {
    await post({
      method: 'POST',
      url: `${api.origin}/login?api_key=qs-token-123#frag`,
      headers: [
        ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-token'],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify({ username: 'admin', password: 'hunter2-pass' }),
    })
    const lines = logLines()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(`^send POST ${api.origin}/login 200 \\d+B \\d+ms\\n$`),
    )
    const log = lines.join('')
    for (const secret of [
      'hunter2-pass',
      'password',
      'Bearer',
      'eyJhbGciOiJIUzI1NiJ9',
      'secret-token',
      'qs-token-123',
      'api_key',
    ]) {
      expect(log).not.toContain(secret)
    }
  })

  it('keeps every secret of a real sign-in out of the log', async () => {
    const response = await post({
      method: 'POST',
      url: `${api.origin}/login`,
      headers: [
        ['Authorization', secrets.authorization],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify({ username: 'admin', password: secrets.password }),
    })
    const reply = await response.json()
    expect(JSON.parse(reply.body)).toEqual(loginReply)

    const lines = logLines()
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^send POST ${api.origin}/login 200 \\d+B \\d+ms\\n$`),
      ),
    ])
    const everything = stdout.mock.calls
      .map(([chunk]) => String(chunk))
      .join('')
    for (const secret of [
      ...Object.values(secrets),
      'eyJhbGciOiJIUzI1NiJ9',
      'auth_token',
      'systemToken',
    ]) {
      expect(everything).not.toContain(secret)
    }
  })

  it('shows a redirect with its Location and does not follow it', async () => {
    const landings = api.hitsOn('/landing')
    const response = await post({ method: 'GET', url: `${api.origin}/moved` })
    const reply = await response.json()
    expect(reply.status).toBe(301)
    expect(reply.headers).toContainEqual(['location', `${api.origin}/landing`])
    expect(api.hitsOn('/landing')).toBe(landings)
  })

  it('sends no header the learner did not write, and none empty', async () => {
    const before = api.received.length
    await post({
      method: 'POST',
      url: `${api.origin}/echo`,
      headers: [['X-Tag', 'a']],
      body: 'x',
    })
    const received = api.received[before]?.headers ?? []
    expect(received.map(([name]) => name.toLowerCase()).sort()).toEqual([
      'connection',
      'content-length',
      'host',
      'x-tag',
    ])
    for (const [, value] of received) expect(value).not.toBe('')
  })

  it('answers a preflight with 405 and no CORS headers', async () => {
    const route = await import('./route')
    const response = await route.OPTIONS()
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(
      [...response.headers.keys()].filter((name) =>
        name.startsWith('access-control-'),
      ),
    ).toEqual([])
  })

  it('logs a refusal with its code and no userinfo', async () => {
    await post({
      method: 'GET',
      url: 'http://admin:pw-123@127.0.0.1:3000/sandbox/x',
    })
    const lines = logLines()
    expect(lines).toEqual([
      expect.stringMatching(
        /^send GET http:\/\/127\.0\.0\.1:3000\/sandbox\/x url_has_userinfo 0B \d+ms\n$/,
      ),
    ])
    expect(lines.join('')).not.toContain('pw-123')
  })
})

describe('POST /api/send, rate limited', () => {
  let limitedPost: RouteModule['POST']

  beforeAll(async () => {
    process.env.SEND_RATE_LIMIT = '2'
    process.env.TRUST_PROXY = '1'
    vi.resetModules()
    ;({ POST: limitedPost } = await import('./route'))
  })

  afterAll(() => {
    process.env.SEND_RATE_LIMIT = '1000'
    delete process.env.TRUST_PROXY
  })

  function postFrom(client: string): Promise<Response> {
    return limitedPost(
      new Request('http://127.0.0.1:3000/api/send', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': client,
        },
        body: JSON.stringify({ method: 'GET', url: `${api.origin}/echo` }),
      }),
    )
  }

  it('answers 429 with Retry-After past the limit, and sends nothing', async () => {
    expect((await postFrom('203.0.113.9')).status).toBe(200)
    expect((await postFrom('203.0.113.9')).status).toBe(200)
    const before = api.received.length

    const refused = await postFrom('203.0.113.9')
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect((await refused.json()).error).toEqual({
      code: 'rate_limited',
      message: expect.stringContaining(`Wait ${retryAfter} second`),
    })
    expect(api.received.length).toBe(before)
    expect(logLines().at(-1)).toMatch(/^send - - rate_limited 0B \d+ms\n$/)
  })

  it('counts another client behind the trusted proxy on its own', async () => {
    expect((await postFrom('198.51.100.7')).status).toBe(200)
  })
})

describe('loading the route', () => {
  it('fails at load with an error naming a bad SEND_ALLOWED_ORIGINS entry', async () => {
    const previous = process.env.SEND_ALLOWED_ORIGINS
    process.env.SEND_ALLOWED_ORIGINS = 'https://ok.example,ftp://bad.example'
    vi.resetModules()
    try {
      await expect(import('./route')).rejects.toThrow('"ftp://bad.example"')
    } finally {
      process.env.SEND_ALLOWED_ORIGINS = previous
    }
  })
})

describe('other methods on /api/send', () => {
  it('answers GET with 405, Allow: POST and the JSON error shape', async () => {
    const response = await GET()
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    const reply = await response.json()
    expect(reply.error.code).toBe('route_method_not_allowed')
    expect(reply.error.message).toContain('only takes POST')
  })
})
