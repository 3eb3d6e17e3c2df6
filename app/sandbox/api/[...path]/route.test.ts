import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const instanceKey = Symbol.for('bigid-api-playground.sandbox')
const origin = 'http://127.0.0.1:3000'

async function loadRoute() {
  vi.resetModules()
  return import('./route')
}

function forgetSandbox() {
  Reflect.deleteProperty(globalThis, instanceKey)
}

describe('route', () => {
  beforeEach(() => {
    forgetSandbox()
    vi.stubEnv('SANDBOX_USERS', 'alice:secret')
    vi.stubEnv('SANDBOX_JWT_SECRET', 'route-test-secret-route-test-secret')
  })

  afterEach(() => {
    vi.unstubAllEnvs()
    forgetSandbox()
  })

  it('is always rendered at request time', async () => {
    const route = await loadRoute()
    expect(route.dynamic).toBe('force-dynamic')
  })

  it('serves a whole lesson flow through the exported handlers', async () => {
    const route = await loadRoute()
    const login = await route.POST(
      new Request(`${origin}/sandbox/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":"alice","password":"secret"}',
      }),
    )
    expect(login.status).toBe(200)
    const { auth_token: authToken } = await login.json()

    const list = await route.GET(
      new Request(`${origin}/sandbox/api/v1/ds-connections?limit=2`, {
        headers: { authorization: authToken },
      }),
    )
    expect(list.status).toBe(200)
    expect((await list.json()).data.totalCount).toBe(20)
  })

  it('mints a user token that the same process exchanges', async () => {
    const route = await loadRoute()
    const minted = await route.POST(
      new Request(`${origin}/sandbox/api/sandbox/user-tokens`, {
        method: 'POST',
        body: '{"username":"alice","days":7}',
      }),
    )
    const { userToken } = await minted.json()
    const again = await loadRoute()
    const exchanged = await again.GET(
      new Request(`${origin}/sandbox/api/v1/refresh-access-token`, {
        headers: { authorization: userToken },
      }),
    )
    expect((await exchanged.json()).success).toBe(true)
  })

  it('answers the other methods as BigID does', async () => {
    const route = await loadRoute()
    const url = `${origin}/sandbox/api/v1/refresh-access-token`
    const handlers = {
      PUT: route.PUT,
      PATCH: route.PATCH,
      DELETE: route.DELETE,
    }
    for (const [method, handler] of Object.entries(handlers)) {
      const response = await handler(new Request(url, { method }))
      expect(response.status).toBe(404)
      expect(await response.text()).toContain(`Cannot ${method} /api/v1/`)
    }
    const head = await route.HEAD(new Request(url, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const options = await route.OPTIONS(new Request(url, { method: 'OPTIONS' }))
    expect(options.status).toBe(204)
  })

  it('refuses to load with bad settings, listing the problem', async () => {
    vi.stubEnv('SANDBOX_ACCEPT_BEARER', 'sometimes')
    await expect(loadRoute()).rejects.toThrow(/SANDBOX_ACCEPT_BEARER/)
  })
})
