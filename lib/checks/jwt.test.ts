import { describe, expect, it } from 'vitest'
import { makeJwt } from './fixtures'
import { decodeJwt, formatDuration, lifetimeOf, looksLikeJwt } from './jwt'

describe('decodeJwt', () => {
  it('reads the header and claims of a session token', () => {
    const token = makeJwt({ user_name: 'bigid', iat: 100, exp: 200 })
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'HS256', typ: 'JWT' },
      claims: { user_name: 'bigid', iat: 100, exp: 200 },
      issuedAt: 100,
      expiresAt: 200,
    })
  })

  it('refuses text that is not three base64url parts of JSON', () => {
    expect(decodeJwt('abc.def')).toBeUndefined()
    expect(decodeJwt('"eyJ.a.b"')).toBeUndefined()
    expect(decodeJwt('e30.bm90IGpzb24.x')).toBeUndefined()
    expect(looksLikeJwt('a.b.c')).toBe(true)
  })
})

describe('lifetimeOf', () => {
  const token = decodeJwt(makeJwt({ exp: 1000 }))
  if (!token) throw new Error('fixture')

  it('tells expired, expiring and valid tokens apart', () => {
    expect(lifetimeOf(token, 1_001_000)).toEqual({
      state: 'expired',
      secondsAgo: 1,
    })
    expect(lifetimeOf(token, 900_000)).toEqual({
      state: 'expiring',
      secondsLeft: 100,
    })
    expect(lifetimeOf(token, 0)).toEqual({ state: 'valid', secondsLeft: 1000 })
  })

  it('says so when a token has no exp', () => {
    const open = decodeJwt(makeJwt({ user_name: 'x' }))
    if (!open) throw new Error('fixture')
    expect(lifetimeOf(open, 0)).toEqual({ state: 'no-expiry' })
  })
})

describe('formatDuration', () => {
  it('writes the two largest units', () => {
    expect(formatDuration(86_400 + 3 * 3600)).toBe('1 d 3 h')
    expect(formatDuration(3725)).toBe('1 h 2 min')
    expect(formatDuration(61)).toBe('1 min 1 s')
    expect(formatDuration(-5)).toBe('0 s')
  })
})
