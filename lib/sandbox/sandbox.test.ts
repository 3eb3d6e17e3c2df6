import { describe, expect, it } from 'vitest'
import {
  createTestSandbox,
  generateUserToken,
  get,
  postJson,
  sandboxUrl,
  signIn,
} from './testing'

const sample = { authorization: 'SAMPLE' }

const launcherCookie = new RegExp(
  '^LAUNCHER=[0-9a-f]{32}; Path=/sandbox; ' +
    'Expires=Thu, 16 Jan 2025 12:00:00 GMT; HttpOnly; SameSite=Lax$',
)

describe('sandbox', () => {
  it('answers an unknown path with the Express 404 page', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get('/api/v1/ds-connections-types?x=1'))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    )
    expect(response.headers.get('x-powered-by')).toBe('Express')
    expect(await response.text()).toContain(
      '<pre>Cannot GET /api/v1/ds-connections-types</pre>',
    )
  })

  it.each(['PUT', 'PATCH', 'DELETE'])(
    'answers %s on a known path with 404',
    async (method) => {
      const { sandbox } = createTestSandbox()
      const response = await sandbox(
        new Request(sandboxUrl('/api/v1/ds-connections'), { method }),
      )
      expect(response.status).toBe(404)
      expect(await response.text()).toContain(
        `Cannot ${method} /api/v1/ds-connections`,
      )
    },
  )

  it('answers a path outside its mount with 404 naming the full path', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      new Request('http://127.0.0.1/api/v1/sessions'),
    )
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Cannot GET /api/v1/sessions')
  })

  it('routes case-insensitively, as Express does', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get('/API/v1/DS-Connections?limit=1', sample),
    )
    expect(response.status).toBe(200)
  })

  it('answers HEAD with the GET headers and no body', async () => {
    const { sandbox } = createTestSandbox()
    const full = await sandbox(get('/api/v1/ds-connections', sample))
    const head = await sandbox(
      new Request(sandboxUrl('/api/v1/ds-connections'), {
        method: 'HEAD',
        headers: sample,
      }),
    )
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect(head.headers.get('etag')).toBe(full.headers.get('etag'))
    expect(head.headers.get('content-length')).toBe(
      full.headers.get('content-length'),
    )
  })

  it('answers a repeated list with 304 when the ETag still matches', async () => {
    const { sandbox } = createTestSandbox()
    const first = await sandbox(get('/api/v1/ds-connections', sample))
    const etag = first.headers.get('etag') ?? ''
    const again = await sandbox(
      get('/api/v1/ds-connections', { ...sample, 'if-none-match': etag }),
    )
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('answers OPTIONS anywhere as a CORS preflight', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      new Request(sandboxUrl('/api/v1/sessions'), { method: 'OPTIONS' }),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('puts the wire quirks on every JSON reply, failures included', async () => {
    const { sandbox } = createTestSandbox()
    const userToken = await generateUserToken(sandbox)
    const requests = [
      postJson('/api/v1/sessions', { username: 'bigid', password: 'x' }),
      postJson('/api/v1/sessions', '{'),
      get('/api/v1/refresh-access-token', { authorization: userToken }),
      get('/api/v1/ds-connections'),
      get('/api/v1/ds-connections?skip=x', sample),
      get('/api/v1/ds_connections/Nope', sample),
      get('/api/v1/ds_connections', sample),
      postJson('/api/sandbox/user-tokens', { username: 'bigid', days: 0 }),
      get('/api/sandbox/users'),
    ]
    for (const request of requests) {
      const response = await sandbox(request)
      const body = await response.text()
      expect(() => JSON.parse(body)).not.toThrow()
      expect(response.headers.get('content-type')).toBe(
        'text/html; charset=utf-8',
      )
      expect(response.headers.get('x-powered-by')).toBe('Express')
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('etag')).toMatch(
        /^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/,
      )
      expect(response.headers.getSetCookie()[0]).toMatch(launcherCookie)
    }
  })

  it('scopes the cookie to a different mount path when told to', async () => {
    const { sandbox } = createTestSandbox({ basePath: '/play' })
    const response = await sandbox(
      new Request('http://127.0.0.1/play/api/sandbox/users'),
    )
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()[0]).toContain('Path=/play;')
  })

  it('signs in at least a thousand times a second', async () => {
    const { sandbox } = createTestSandbox()
    await signIn(sandbox)
    const count = 2000
    const started = performance.now()
    for (let index = 0; index < count; index += 1) {
      await sandbox(
        postJson('/api/v1/sessions', {
          username: 'bigid',
          password: 'learner',
        }),
      )
    }
    const perSecond = count / ((performance.now() - started) / 1000)
    expect(perSecond).toBeGreaterThan(1000)
  })

  it('builds 50000 extra sources once and pages them quickly', async () => {
    const started = performance.now()
    const { sandbox } = createTestSandbox({ extraSources: 50_000 })
    const built = performance.now()
    const response = await sandbox(
      get('/api/v1/ds-connections?skip=50010&limit=5', sample),
    )
    const body = await response.json()
    expect(body.data.totalCount).toBe(50_020)
    expect(body.data.ds_connections[0].name).toBe('generated-49991')
    expect(built - started).toBeLessThan(5000)
    expect(performance.now() - built).toBeLessThan(500)
  })
})
