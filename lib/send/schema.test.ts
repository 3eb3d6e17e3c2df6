import { describe, expect, it } from 'vitest'
import { parseMethod, parseSendInput } from './schema'

describe('parseSendInput', () => {
  it('accepts the contract shape and defaults headers to none', () => {
    expect(parseSendInput({ method: 'GET', url: '/sandbox/x' })).toEqual({
      ok: true,
      value: { method: 'GET', url: '/sandbox/x', headers: [] },
    })
  })

  it('accepts a null body as no body', () => {
    const result = parseSendInput({ method: 'GET', url: '/x', body: null })
    expect(result.ok).toBe(true)
  })

  it('names the failing field, down to the header', () => {
    const result = parseSendInput({
      method: 'GET',
      url: '/x',
      headers: [
        ['Accept', '*/*'],
        ['X-Count', 3],
      ],
    })
    expect(!result.ok && result.error.message).toContain('"headers[1][1]"')
  })

  it('says a header value or name is too long, not that the list is wrong', () => {
    const long = parseSendInput({
      method: 'GET',
      url: '/x',
      headers: [['X-Big', 'v'.repeat(16 * 1024 + 1)]],
    })
    const message = !long.ok && long.error.message
    expect(message).toContain('"headers[0][1]"')
    expect(message).toContain('a header value may be at most 16384 characters')
    const name = parseSendInput({
      method: 'GET',
      url: '/x',
      headers: [['n'.repeat(257), 'v']],
    })
    expect(!name.ok && name.error.message).toContain(
      'a header name may be at most 256 characters',
    )
  })

  it('refuses more than 100 headers', () => {
    const headers = Array.from({ length: 101 }, () => ['X-A', 'b'])
    const result = parseSendInput({ method: 'GET', url: '/x', headers })
    expect(!result.ok && result.error.message).toContain('"headers"')
  })
})

describe('parseMethod', () => {
  it('upper-cases a known method', () => {
    expect(parseMethod('patch')).toEqual({ ok: true, value: 'PATCH' })
  })

  it('refuses an unknown one, listing the allowed', () => {
    const result = parseMethod('TRACE')
    expect(!result.ok && result.error.code).toBe('method_not_allowed')
    expect(!result.ok && result.error.message).toContain('GET, HEAD, POST')
  })
})
