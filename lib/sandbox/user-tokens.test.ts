import { describe, expect, it } from 'vitest'
import { sandboxMessages } from './messages'
import {
  createTestSandbox,
  decodeJwtPart,
  postJson,
  sandboxUrl,
  testStartMs,
} from './testing'

const path = '/api/sandbox/user-tokens'

async function expectRefusal(body: unknown, code: string, message: string) {
  const { sandbox } = createTestSandbox()
  const response = await sandbox(postJson(path, body))
  expect(response.status).toBe(400)
  const reply = JSON.parse(await response.text())
  expect(Object.keys(reply)).toEqual(['success', 'code', 'message'])
  expect(reply).toEqual({ success: false, code, message })
}

describe('user-tokens', () => {
  it('issues a user token and says when it expires', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      postJson(path, { username: 'bigid', days: 30 }),
    )
    expect(response.status).toBe(200)

    const body = JSON.parse(await response.text())
    expect(Object.keys(body)).toEqual(['userToken', 'expiresAt'])
    expect(body.expiresAt).toBe(
      new Date(testStartMs + 30 * 24 * 60 * 60 * 1000).toISOString(),
    )
    const iat = testStartMs / 1000
    expect(decodeJwtPart(body.userToken, 0)).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(decodeJwtPart(body.userToken, 1)).toBe(
      `{"user_name":"bigid","type":"refresh-token","iat":${iat},` +
        `"exp":${iat + 30 * 86400}}`,
    )
  })

  it.each([1, 999])('accepts a lifetime of %i days', async (days) => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(postJson(path, { username: 'bigid', days }))
    expect(response.status).toBe(200)
  })

  it.each([0, 1000, 1.5, '30', null])(
    'refuses days of %j with a message saying what to fix',
    async (days) => {
      await expectRefusal(
        { username: 'bigid', days },
        'invalid_days',
        sandboxMessages.userTokenInvalidDays,
      )
    },
  )

  it('refuses an unknown user', async () => {
    await expectRefusal(
      { username: 'mallory', days: 30 },
      'unknown_user',
      sandboxMessages.userTokenUnknownUser,
    )
  })

  it('refuses a body that is not an object', async () => {
    await expectRefusal(
      '[]',
      'invalid_body',
      sandboxMessages.userTokenBodyNotObject,
    )
    await expectRefusal(
      '',
      'invalid_body',
      sandboxMessages.userTokenBodyNotObject,
    )
  })

  it("refuses a call from another site's page", async () => {
    const { sandbox } = createTestSandbox()
    const body = JSON.stringify({ username: 'bigid', days: 30 })
    const call = (headers: Record<string, string>) =>
      sandbox(
        new Request(sandboxUrl(path), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        }),
      )

    const fromElsewhere = await call({
      host: '127.0.0.1:3000',
      origin: 'http://evil.invalid',
    })
    expect(fromElsewhere.status).toBe(403)
    expect((await fromElsewhere.json()).code).toBe('cross_site')
    expect((await call({ 'sec-fetch-site': 'cross-site' })).status).toBe(403)

    const fromItsPage = await call({
      host: '127.0.0.1:3000',
      origin: 'http://127.0.0.1:3000',
      'sec-fetch-site': 'same-origin',
    })
    expect(fromItsPage.status).toBe(200)
  })

  it('asks for a days example when the JSON is malformed', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(postJson(path, '{"username":'))
    expect((await response.json()).message).toContain('"days": 30')
  })

  it('refuses malformed JSON with invalid_json', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(postJson(path, '{"username":'))
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('invalid_json')
  })

  it('answers GET with an Express 404', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(new Request(sandboxUrl(path)))
    expect(response.status).toBe(404)
    expect(await response.text()).toContain(`Cannot GET ${path}`)
  })
})
