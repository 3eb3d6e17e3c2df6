import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  createTestSandbox,
  decodeJwtPart,
  generateUserToken,
  get,
  sandboxUrl,
  signIn,
  testStartMs,
} from './testing'
import { createConfiguredUser, trainingUser } from './users'

const path = '/api/v1/refresh-access-token'
const garbage = '{"success":false,"message":"Failed to authenticate token."}'
const notValid = '{"success":false,"message":"Refresh token not valid"}'

describe('refresh-access-token', () => {
  it('exchanges a user token for a systemToken with exactly two keys', async () => {
    const { sandbox } = createTestSandbox()
    const userToken = await generateUserToken(sandbox)
    const response = await sandbox(get(path, { authorization: userToken }))
    expect(response.status).toBe(200)

    const body = JSON.parse(await response.text())
    expect(Object.keys(body)).toEqual(['success', 'systemToken'])
    expect(body.success).toBe(true)
  })

  it('writes systemToken claims in BigID order with a 7-day life', async () => {
    const { sandbox } = createTestSandbox()
    const userToken = await generateUserToken(sandbox)
    const response = await sandbox(get(path, { authorization: userToken }))
    const { systemToken } = await response.json()
    const iat = testStartMs / 1000

    expect(decodeJwtPart(systemToken, 0)).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(decodeJwtPart(systemToken, 1)).toBe(
      `{"user_name":"bigid","isAdmin":false,"roleIds":` +
        `["${trainingUser.roleIds[0]}"],"type":"access-token",` +
        `"tenantId":"SINGLE_TENANT","iat":${iat},"exp":${iat + 604800}}`,
    )
  })

  it.each([
    ['a missing header', {}],
    ['a garbage token', { authorization: 'not-a-token' }],
    ['SAMPLE', { authorization: 'SAMPLE' }],
  ])('answers %s with Failed to authenticate token.', async (_, headers) => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get(path, headers))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(garbage)
  })

  it('answers a Bearer-prefixed user token as garbage by default', async () => {
    const { sandbox } = createTestSandbox()
    const userToken = await generateUserToken(sandbox)
    const response = await sandbox(
      get(path, { authorization: `Bearer ${userToken}` }),
    )
    expect(await response.text()).toBe(garbage)
  })

  it('strips Bearer when the setting accepts it', async () => {
    const { sandbox } = createTestSandbox({ isBearerAccepted: true })
    const userToken = await generateUserToken(sandbox)
    const response = await sandbox(
      get(path, { authorization: `Bearer ${userToken}` }),
    )
    expect((await response.json()).success).toBe(true)
  })

  it('answers an expired user token with Refresh token not valid', async () => {
    const { sandbox, clock } = createTestSandbox()
    const userToken = await generateUserToken(sandbox, 'bigid', 1)
    clock.advance(24 * 60 * 60 * 1000)
    const response = await sandbox(get(path, { authorization: userToken }))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(notValid)
  })

  it('accepts a user token one second before it expires', async () => {
    const { sandbox, clock } = createTestSandbox()
    const userToken = await generateUserToken(sandbox, 'bigid', 1)
    clock.advance(24 * 60 * 60 * 1000 - 1000)
    const response = await sandbox(get(path, { authorization: userToken }))
    expect((await response.json()).success).toBe(true)
  })

  it('answers a token signed with another secret with Refresh token not valid', async () => {
    const { sandbox } = createTestSandbox()
    const foreign = await new SignJWT({
      user_name: 'bigid',
      type: 'refresh-token',
      iat: testStartMs / 1000,
      exp: testStartMs / 1000 + 3600,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('another-secret-another-secret-12'))
    const response = await sandbox(get(path, { authorization: foreign }))
    expect(await response.text()).toBe(notValid)
  })

  it('answers an access token with Refresh token not valid', async () => {
    const { sandbox } = createTestSandbox()
    const authToken = await signIn(sandbox)
    const response = await sandbox(get(path, { authorization: authToken }))
    expect(await response.text()).toBe(notValid)
  })

  it('answers a user token of a user no longer configured as not valid', async () => {
    const alice = createConfiguredUser('alice', 'secret')
    const before = createTestSandbox({ users: [trainingUser, alice] })
    const userToken = await generateUserToken(before.sandbox, 'alice')
    const after = createTestSandbox({ users: [trainingUser] })
    const response = await after.sandbox(
      get(path, { authorization: userToken }),
    )
    expect(await response.text()).toBe(notValid)
  })

  it('answers POST with the Express 404 page', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      new Request(sandboxUrl(path), { method: 'POST' }),
    )
    expect(response.status).toBe(404)
    expect(await response.text()).toContain(
      '<pre>Cannot POST /api/v1/refresh-access-token</pre>',
    )
  })
})
