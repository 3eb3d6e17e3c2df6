import { describe, expect, it } from 'vitest'
import { readPresentedToken } from './authorization'
import {
  createTestSandbox,
  exchangeUserToken,
  generateUserToken,
  get,
  signIn,
} from './testing'

const path = '/api/v1/ds-connections?limit=1'
const refused = '{"success":false,"message":"Failed to authenticate token."}'

function withAuthorization(value: string): Request {
  return get('/x', { authorization: value })
}

describe('authorization', () => {
  it('reads the token raw and keeps a Bearer prefix unless told not to', () => {
    expect(readPresentedToken(withAuthorization('abc'), false)).toBe('abc')
    expect(readPresentedToken(withAuthorization('Bearer abc'), false)).toBe(
      'Bearer abc',
    )
    expect(readPresentedToken(withAuthorization('bearer  abc'), true)).toBe(
      'abc',
    )
    expect(readPresentedToken(get('/x'), true)).toBeUndefined()
  })

  it.each([
    ['no token', {}],
    ['a garbage token', { authorization: 'garbage' }],
    ['an empty token', { authorization: '   ' }],
  ])('refuses %s with 401', async (_, headers) => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get(path, headers))
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(refused)
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    )
  })

  it('refuses a Bearer-prefixed access token by default', async () => {
    const { sandbox } = createTestSandbox()
    const token = await signIn(sandbox)
    const response = await sandbox(
      get(path, { authorization: `Bearer ${token}` }),
    )
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(refused)
  })

  it('accepts a Bearer-prefixed token when the setting says so', async () => {
    const { sandbox } = createTestSandbox({ isBearerAccepted: true })
    const token = await signIn(sandbox)
    const response = await sandbox(
      get(path, { authorization: `Bearer ${token}` }),
    )
    expect(response.status).toBe(200)
  })

  it('refuses an expired systemToken', async () => {
    const { sandbox, clock } = createTestSandbox()
    const systemToken = await exchangeUserToken(
      sandbox,
      await generateUserToken(sandbox, 'bigid', 30),
    )
    clock.advance(7 * 24 * 60 * 60 * 1000)
    const response = await sandbox(get(path, { authorization: systemToken }))
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(refused)
  })

  it('refuses an auth_token after 24 hours', async () => {
    const { sandbox, clock } = createTestSandbox()
    const token = await signIn(sandbox)
    clock.advance(24 * 60 * 60 * 1000 - 1000)
    expect((await sandbox(get(path, { authorization: token }))).status).toBe(
      200,
    )
    clock.advance(1000)
    expect((await sandbox(get(path, { authorization: token }))).status).toBe(
      401,
    )
  })

  it('tells a learner who sends a user token to exchange it first', async () => {
    const { sandbox } = createTestSandbox()
    const userToken = await generateUserToken(sandbox)
    const response = await sandbox(get(path, { authorization: userToken }))
    expect(response.status).toBe(401)
    const body = JSON.parse(await response.text())
    expect(Object.keys(body)).toEqual(['success', 'message'])
    expect(body.success).toBe(false)
    expect(body.message).toContain('/api/v1/refresh-access-token')
    expect(body.message).toContain('first')
  })

  it('accepts SAMPLE, and refuses it once the setting is off', async () => {
    const on = createTestSandbox()
    expect(
      (await on.sandbox(get(path, { authorization: 'SAMPLE' }))).status,
    ).toBe(200)
    const off = createTestSandbox({ isSampleAccepted: false })
    const response = await off.sandbox(get(path, { authorization: 'SAMPLE' }))
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(refused)
  })

  it('guards every data endpoint', async () => {
    const { sandbox } = createTestSandbox()
    for (const dataPath of [
      '/api/v1/ds-connections',
      '/api/v1/ds_connections',
      '/api/v1/ds_connections/Ads',
    ]) {
      expect((await sandbox(get(dataPath))).status).toBe(401)
    }
  })
})
