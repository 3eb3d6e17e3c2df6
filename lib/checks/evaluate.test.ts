import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate'
import { expectationSchema } from './expectation'
import { readExpectation } from './expected'
import { makeJwt, makeExchange as reply } from './fixtures'

const login = expectationSchema.parse({
  status: 200,
  json: { success: true, auth_token: '<jwt>' },
})
const list = expectationSchema.parse({
  json: { 'data.ds_connections': '<array>' },
})

describe('evaluate', () => {
  it('passes a successful sign-in', () => {
    const body = { success: true, auth_token: makeJwt({}) }
    expect(evaluate(login, reply(200, body))).toEqual({ passed: true })
  })

  it('names what a failed sign-in lacks', () => {
    const body = { success: false, message: 'Authentication failed.' }
    expect(evaluate(login, reply(200, body))).toEqual({
      passed: false,
      unmet: [
        'success is false, not true',
        'auth_token is missing (wanted jwt)',
      ],
    })
  })

  it('reads dotted paths into the envelope', () => {
    const body = { data: { ds_connections: [] } }
    expect(evaluate(list, reply(200, body))).toEqual({ passed: true })
    expect(evaluate(list, reply(200, { data: {} })).passed).toBe(false)
  })

  it('reports a wrong status and a body that is not JSON', () => {
    expect(evaluate(list, reply(401, 'Unauthorized'))).toEqual({
      passed: false,
      unmet: ['status is 401, not 200', 'the body is not JSON'],
    })
  })

  it('defaults the expected status to 200', () => {
    expect(expectationSchema.parse({}).status).toBe(200)
  })
})

describe('readExpectation', () => {
  it('fills the defaults the build-time schema fills', () => {
    expect(readExpectation({})).toEqual(expectationSchema.parse({}))
    expect(readExpectation({ json: { success: true } })).toEqual(
      expectationSchema.parse({ json: { success: true } }),
    )
  })

  it('refuses what is plainly not a success check', () => {
    expect(readExpectation(null)).toBeUndefined()
    expect(readExpectation({ status: '200' })).toBeUndefined()
    expect(readExpectation({ json: [] })).toBeUndefined()
  })
})
