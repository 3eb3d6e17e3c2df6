import { describe, expect, it } from 'vitest'
import { makeJwt } from './fixtures'
import { type LintContext, lintHeader } from './lint-header'

const now = 1_700_000_000_000
const session: LintContext = { isTokenExchange: false, nowMs: now }
const exchange: LintContext = { isTokenExchange: true, nowMs: now }
const token = makeJwt({ type: 'access-token', exp: now / 1000 + 3600 })

function codes(name: string, value: string, context = session) {
  return lintHeader(name, value, context).map((finding) => finding.code)
}

function fixOf(name: string, value: string) {
  return lintHeader(name, value, session)[0]?.fix
}

describe('lintHeader', () => {
  it('passes a raw session token and the SAMPLE token', () => {
    expect(codes('Authorization', token)).toEqual([])
    expect(codes('authorization', 'SAMPLE')).toEqual([])
  })

  it('leaves other headers alone', () => {
    expect(codes('Content-Type', ' "x" ')).toEqual([])
  })

  it('catches a misspelt header name and renames it', () => {
    expect(codes('Authorisation', token)).toEqual(['misspelled_name'])
    expect(codes('Authorizaton', token)).toEqual(['misspelled_name'])
    expect(fixOf('auth', token)?.name).toBe('Authorization')
  })

  it('flags an empty value and says which token belongs there', () => {
    expect(codes('Authorization', '  ')).toEqual(['empty_value'])
    const forExchange = lintHeader('Authorization', '', exchange)[0]
    expect(forExchange?.message).toContain('user token')
    expect(lintHeader('Authorization', '', session)[0]?.message).toContain(
      'auth_token',
    )
  })

  it('removes Bearer in front of the token', () => {
    expect(codes('Authorization', `Bearer ${token}`)).toEqual(['bearer_prefix'])
    expect(fixOf('Authorization', `bearer ${token}`)?.value).toBe(token)
  })

  it('removes quotes around the token', () => {
    expect(codes('Authorization', `"${token}"`)).toEqual(['quoted'])
    expect(fixOf('Authorization', `'${token}'`)?.value).toBe(token)
  })

  it('trims spaces and line breaks around the token', () => {
    const findings = lintHeader('Authorization', `\n ${token} `, session)
    expect(findings.map((finding) => finding.code)).toEqual([
      'surrounding_space',
    ])
    expect(findings[0]?.message).toMatch(/line break/)
    expect(findings[0]?.fix?.value).toBe(token)
  })

  it('fixes a quoted, padded token in one step and says what it did', () => {
    const value = `  "Bearer ${token}" `
    expect(codes('Authorization', value)).toEqual([
      'surrounding_space',
      'quoted',
      'bearer_prefix',
    ])
    const fix = fixOf('Authorization', value)
    expect(fix?.value).toBe(token)
    expect(fix?.done).toBe(
      'Removed the spaces and line breaks around the token. ' +
        'Removed the quotes around the token. ' +
        'Removed "Bearer " from the front of the token.',
    )
  })

  it('removes an invisible character inside the token', () => {
    const value = `${token.slice(0, 10)}\u200b${token.slice(10)}`
    expect(codes('Authorization', value)).toEqual(['invisible_character'])
    expect(fixOf('Authorization', value)?.value).toBe(token)
  })

  it('keeps only the token from a line pasted with its JSON key', () => {
    const value = `"auth_token": "${token}",`
    expect(codes('Authorization', value)).toEqual(['pasted_with_key'])
    expect(fixOf('Authorization', value)?.value).toBe(token)
  })

  it('says a token cut short is not whole', () => {
    expect(codes('Authorization', token.slice(0, 40))).toEqual([
      'truncated_token',
    ])
  })

  it('refuses a user token where a session token belongs', () => {
    const userToken = makeJwt({ type: 'refresh-token', exp: now / 1000 + 99 })
    expect(codes('Authorization', userToken)).toContain('user_token')
    expect(codes('Authorization', userToken, exchange)).not.toContain(
      'user_token',
    )
    expect(codes('Authorization', token, exchange)).toEqual([
      'session_token_for_exchange',
    ])
  })

  it('flags an expired token and one about to expire', () => {
    const expired = makeJwt({ exp: now / 1000 - 1 })
    const expiring = makeJwt({ exp: now / 1000 + 120 })
    expect(codes('Authorization', expired)).toEqual(['expired_token'])
    expect(codes('Authorization', expiring)).toEqual(['expiring_token'])
  })
})
