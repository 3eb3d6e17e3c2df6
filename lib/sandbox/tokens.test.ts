import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createTestClock, decodeJwtPart, testSecret } from './testing'
import { createTokenService } from './tokens'
import { trainingUser } from './users'

function createService() {
  const clock = createTestClock()
  return { clock, tokens: createTokenService(testSecret, clock.now) }
}

describe('tokens', () => {
  it('recognises its own session token as an access token', async () => {
    const { tokens } = createService()
    const token = await tokens.issueSessionToken(trainingUser)
    const check = await tokens.checkToken(token)
    expect(check.ok && check.kind).toBe('access')
  })

  it('recognises its own user token as a refresh token', async () => {
    const { tokens } = createService()
    const { token } = await tokens.issueUserToken('bigid', 2)
    const check = await tokens.checkToken(token)
    expect(check).toMatchObject({ ok: true, kind: 'refresh' })
  })

  it('writes no sub, aud, iss or jti', async () => {
    const { tokens } = createService()
    const token = await tokens.issueSystemToken(trainingUser)
    expect(Object.keys(JSON.parse(decodeJwtPart(token, 1)))).toEqual([
      'user_name',
      'isAdmin',
      'roleIds',
      'type',
      'tenantId',
      'iat',
      'exp',
    ])
  })

  it.each(['garbage', 'a.b.c', 'Bearer x.y.z', ''])(
    'calls %j malformed',
    async (token) => {
      const { tokens } = createService()
      expect(await tokens.checkToken(token)).toEqual({
        ok: false,
        reason: 'malformed',
      })
    },
  )

  it('calls a token with a tampered payload invalid', async () => {
    const { tokens } = createService()
    const token = await tokens.issueSessionToken(trainingUser)
    const [header, , signature] = token.split('.')
    const payload = Buffer.from('{"user_name":"root"}').toString('base64url')
    expect(
      await tokens.checkToken(`${header}.${payload}.${signature}`),
    ).toEqual({ ok: false, reason: 'invalid' })
  })

  it('calls an unsigned token invalid', async () => {
    const { tokens } = createService()
    const header = Buffer.from('{"alg":"none"}').toString('base64url')
    const payload = Buffer.from('{"type":"refresh-token"}').toString(
      'base64url',
    )
    expect(await tokens.checkToken(`${header}.${payload}.`)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('calls a signed token with foreign claims invalid', async () => {
    const { tokens } = createService()
    const token = await new SignJWT({ sub: 'someone' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(testSecret)
    expect(await tokens.checkToken(token)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('calls a token expired from its exp second on', async () => {
    const { tokens, clock } = createService()
    const { token, expiresAt } = await tokens.issueUserToken('bigid', 1)
    clock.advance(expiresAt.getTime() - clock.now() - 1)
    expect((await tokens.checkToken(token)).ok).toBe(true)
    clock.advance(1)
    expect(await tokens.checkToken(token)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('gives a 999-day user token an expiry 999 days out', async () => {
    const { tokens, clock } = createService()
    const { expiresAt } = await tokens.issueUserToken('bigid', 999)
    expect(expiresAt.getTime() - clock.now()).toBe(999 * 86_400_000)
  })
})
