import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import recorded from './data/sessions-success.json'
import {
  createTestSandbox,
  decodeJwtPart,
  postJson,
  sandboxUrl,
  testSecret,
  testStartMs,
} from './testing'
import { createConfiguredUser, trainingUser } from './users'

const failure =
  '{"success":false,"message":"Authentication failed. Username / Password ' +
  'incorrect or insufficient roles in AD."}'

describe('sessions', () => {
  it('answers the training credentials with the recorded body shape', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'bigid', password: 'learner' }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8',
    )

    const body = JSON.parse(await response.text())
    expect(Object.keys(body)).toEqual(Object.keys(recorded))
    expect(body).toEqual({ ...recorded, auth_token: body.auth_token })
    expect(body.message).toBe('Enjoy your token!')
    expect(body.firstName).toBe('BigID Admin')
    expect(body.permissions).toHaveLength(353)
    expect(body.permissions[0]).toBe('admin')
  })

  it('issues an auth_token with BigID claims in order and a 24 h life', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'bigid', password: 'learner' }),
    )
    const token = (await response.json()).auth_token
    const iat = testStartMs / 1000

    expect(decodeJwtPart(token, 0)).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(decodeJwtPart(token, 1)).toBe(
      `{"user_name":"bigid","type":"access-token","roleIds":` +
        `["${trainingUser.roleIds[0]}"],"isAdmin":true,"iat":${iat},` +
        `"exp":${iat + 86400}}`,
    )
    await expect(
      jwtVerify(token, testSecret, { currentDate: new Date(testStartMs) }),
    ).resolves.toBeDefined()
  })

  it('answers a wrong password with HTTP 200 and success false', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'bigid', password: 'nope' }),
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(failure)
  })

  it('answers an unknown username as it answers a wrong password', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'root', password: 'learner' }),
    )
    expect(await response.text()).toBe(failure)
  })

  it.each([
    ['an empty object', {}],
    ['a missing password', { username: 'bigid' }],
    ['a number as password', { username: 'bigid', password: 1 }],
    ['an array', ['bigid', 'learner']],
    ['an empty body', ''],
  ])('answers %s as wrong credentials', async (_, body) => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(postJson('/api/v1/sessions', body))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(failure)
  })

  it('leaves a body without a JSON content type unread, as Express does', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      new Request(sandboxUrl('/api/v1/sessions'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"username":"bigid","password":"learner"}',
      }),
    )
    expect(await response.text()).toBe(failure)
  })

  it('answers malformed JSON with 400 and a message naming the problem', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson('/api/v1/sessions', '{"username": "bigid",'),
    )
    expect(response.status).toBe(400)
    const body = JSON.parse(await response.text())
    expect(Object.keys(body)).toEqual(['success', 'message'])
    expect(body.success).toBe(false)
    expect(body.message).toMatch(/^The request body is not valid JSON \(.+\)/)
  })

  it('refuses a body over 100 KB with 413', async () => {
    const { sandbox } = createTestSandbox()
    const padding = 'x'.repeat(101 * 1024)
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'bigid', padding }),
    )
    expect(response.status).toBe(413)
    expect((await response.json()).success).toBe(false)
  })

  it('signs in a configured user with their own name', async () => {
    const { sandbox } = createTestSandbox({
      users: [trainingUser, createConfiguredUser('alice', 'secret')],
    })
    const response = await sandbox(
      postJson('/api/v1/sessions', { username: 'alice', password: 'secret' }),
    )
    const body = await response.json()
    expect(body.success).toBe(true)
    expect(body.username).toBe('alice')
    expect(body.firstName).toBe('alice')
    expect(JSON.parse(decodeJwtPart(body.auth_token, 1)).user_name).toBe(
      'alice',
    )
  })

  it('answers GET with an Express 404', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(new Request(sandboxUrl('/api/v1/sessions')))
    expect(response.status).toBe(404)
    expect(await response.text()).toContain(
      '<pre>Cannot GET /api/v1/sessions</pre>',
    )
  })
})
