import { describe, expect, it } from 'vitest'
import { viewBody } from './body'
import { findToken } from './token'

describe('findToken', () => {
  it('finds auth_token on the fourth line of a pretty login reply', () => {
    const body = JSON.stringify({
      success: true,
      message: 'Enjoy your token!',
      auth_token: 'aaa.bbb.ccc',
      username: 'bigid',
    })
    const { text } = viewBody(body, 'utf8')
    const found = findToken(text)
    expect(found).toEqual({
      field: 'auth_token',
      value: 'aaa.bbb.ccc',
      line: 4,
      startColumn: 18,
      endColumn: 29,
    })
    const line = text.split('\n')[3] ?? ''
    expect(line.slice(17, 28)).toBe('aaa.bbb.ccc')
  })

  it('finds systemToken in a refresh reply', () => {
    const { text } = viewBody('{"success":true,"systemToken":"x.y.z"}', 'utf8')
    expect(findToken(text)?.field).toBe('systemToken')
  })

  it('ignores nested fields and bodies without a token', () => {
    const { text } = viewBody('{"data":{"auth_token":"x.y.z"}}', 'utf8')
    expect(findToken(text)).toBeUndefined()
    expect(findToken('{}')).toBeUndefined()
  })
})
