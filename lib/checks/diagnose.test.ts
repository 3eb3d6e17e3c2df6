import { describe, expect, it } from 'vitest'
import type {
  HeaderPair,
  OutgoingRequest,
  SendOutcome,
} from '@/lib/exchange/types'
import { type DiagnoseContext, diagnose } from './diagnose'
import { expectationSchema } from './expectation'
import { makeAnswer as answer, makeJwt } from './fixtures'

const now = 1_700_000_000_000
const origin = 'http://127.0.0.1:3000/sandbox/api/v1'
const issued = makeJwt({ type: 'access-token', exp: now / 1000 + 3600 })
const context: DiagnoseContext = { issuedTokens: [issued], nowMs: now }

const login = expectationSchema.parse({
  json: { success: true, auth_token: '<jwt>' },
})
const list = expectationSchema.parse({
  json: { 'data.ds_connections': '<array>' },
})
const refresh = expectationSchema.parse({
  json: { success: true, systemToken: '<jwt>' },
})

const refused = answer(401, {
  success: false,
  message: 'Failed to authenticate token.',
})

function listWith(headers: HeaderPair[]): OutgoingRequest {
  return { method: 'GET', url: `${origin}/ds-connections`, headers }
}

function mistakeOf(
  request: OutgoingRequest,
  outcome: SendOutcome,
  expectation = list,
) {
  const verdict = diagnose(request, outcome, expectation, context)
  return verdict.passed ? 'passed' : verdict.mistake
}

describe('diagnose', () => {
  it('passes the list sent with the issued token', () => {
    const ok = answer(200, { data: { ds_connections: [] } })
    expect(mistakeOf(listWith([['Authorization', issued]]), ok)).toBe('passed')
  })

  it('catches a sign-in that failed with HTTP 200', () => {
    const request = {
      method: 'POST',
      url: `${origin}/sessions`,
      headers: [['Content-Type', 'application/json']] as HeaderPair[],
      body: '{"username":"bigid","password":"nope"}',
    }
    const verdict = diagnose(
      request,
      answer(200, { success: false, message: 'Authentication failed.' }),
      login,
      context,
    )
    expect(verdict.passed).toBe(false)
    if (verdict.passed) return
    expect(verdict.mistake).toBe('auth_failed')
    expect(verdict.hints).toHaveLength(3)
    expect(verdict.hints[2]).toContain('"learner"')
  })

  it('blames a missing Content-Type, not the password', () => {
    const body = '{"username":"bigid","password":"learner"}'
    const failed = answer(200, { success: false, message: 'Authentication' })
    const url = `${origin}/sessions`
    expect(
      mistakeOf({ method: 'POST', url, headers: [], body }, failed, login),
    ).toBe('missing_content_type')
    const withType: HeaderPair[] = [['content-type', 'application/json']]
    expect(
      mistakeOf(
        { method: 'POST', url, headers: withType, body },
        failed,
        login,
      ),
    ).toBe('auth_failed')
  })

  it('names malformed JSON in the request body', () => {
    const request = {
      method: 'POST',
      url: `${origin}/sessions`,
      headers: [],
      body: '{"username": "bigid",,}',
    }
    const bad = answer(400, { success: false, message: 'Unexpected token' })
    expect(mistakeOf(request, bad, login)).toBe('malformed_json')
  })

  it('tells the kinds of refused token apart', () => {
    expect(mistakeOf(listWith([]), refused)).toBe('missing_authorization')
    expect(mistakeOf(listWith([['Authorisation', issued]]), refused)).toBe(
      'misspelled_header',
    )
    expect(mistakeOf(listWith([['Authorization', '']]), refused)).toBe(
      'empty_authorization',
    )
    expect(
      mistakeOf(listWith([['Authorization', `Bearer ${issued}`]]), refused),
    ).toBe('bearer_prefix')
    expect(
      mistakeOf(listWith([['Authorization', ` "${issued}"`]]), refused),
    ).toBe('malformed_token')
    expect(
      mistakeOf(listWith([['Authorization', issued.slice(0, 30)]]), refused),
    ).toBe('truncated_token')
  })

  it('spots a user token, an expired token and a stale one', () => {
    const userToken = makeJwt({ type: 'refresh-token', exp: now / 1000 + 99 })
    const expired = makeJwt({ type: 'access-token', exp: now / 1000 - 60 })
    const older = makeJwt({ type: 'access-token', exp: now / 1000 + 60 })
    expect(mistakeOf(listWith([['Authorization', userToken]]), refused)).toBe(
      'user_token',
    )
    expect(mistakeOf(listWith([['Authorization', expired]]), refused)).toBe(
      'expired_token',
    )
    expect(mistakeOf(listWith([['Authorization', older]]), refused)).toBe(
      'stale_token',
    )
    expect(mistakeOf(listWith([['Authorization', issued]]), refused)).toBe(
      'token_refused',
    )
  })

  it('explains the 404 of a POST to the refresh endpoint', () => {
    const request = {
      method: 'POST',
      url: `${origin}/refresh-access-token`,
      headers: [],
    }
    const notFound = answer(404, 'Cannot POST /api/v1/refresh-access-token')
    expect(mistakeOf(request, notFound, refresh)).toBe('wrong_method')
    expect(mistakeOf(listWith([]), notFound)).toBe('wrong_path')
  })

  it('reads a refused refresh reported with HTTP 200', () => {
    const request = {
      method: 'GET',
      url: `${origin}/refresh-access-token`,
      headers: [['Authorization', 'nonsense']] as HeaderPair[],
    }
    const reply = answer(200, {
      success: false,
      message: 'Failed to authenticate token.',
    })
    expect(mistakeOf(request, reply, refresh)).toBe('token_refused_200')
  })

  it('maps send-route refusals and upstream failures', () => {
    const failure = (code: string): SendOutcome => ({
      ok: false,
      failure: { code, message: `message for ${code}` },
    })
    expect(mistakeOf(listWith([]), failure('target_not_allowed'))).toBe(
      'off_sandbox',
    )
    expect(mistakeOf(listWith([]), failure('upstream_timeout'))).toBe(
      'upstream_failed',
    )
    expect(mistakeOf(listWith([]), failure('connection_refused'))).toBe(
      'upstream_failed',
    )
    expect(mistakeOf(listWith([]), failure('header_value_line_break'))).toBe(
      'send_refused',
    )
    const verdict = diagnose(
      listWith([]),
      failure('upstream_timeout'),
      list,
      context,
    )
    expect(verdict.passed ? [] : verdict.unmet).toEqual([
      'the request was not sent, or no answer came back',
    ])
  })
})
