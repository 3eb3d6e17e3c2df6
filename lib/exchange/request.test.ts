import { describe, expect, it } from 'vitest'
import { buildRequest, checkUrl, describeRequest, resolveUrl } from './request'

describe('describeRequest', () => {
  it('names a sandbox request by its API path', () => {
    expect(
      describeRequest('POST', 'http://127.0.0.1:3000/sandbox/api/v1/sessions'),
    ).toBe('POST /api/v1/sessions')
    expect(describeRequest('GET', '/sandbox/api/v1/ds-connections')).toBe(
      'GET /api/v1/ds-connections',
    )
  })

  it('keeps the path of a real deployment as it is', () => {
    expect(
      describeRequest('GET', 'https://bigid.example.com/api/v1/ds-connections'),
    ).toBe('GET /api/v1/ds-connections')
  })
})

describe('resolveUrl', () => {
  it('puts a lesson path on the page origin and leaves full URLs alone', () => {
    expect(
      resolveUrl('/sandbox/api/v1/sessions', 'http://127.0.0.1:3000'),
    ).toBe('http://127.0.0.1:3000/sandbox/api/v1/sessions')
    expect(resolveUrl('https://x.example.com/a', 'http://h')).toBe(
      'https://x.example.com/a',
    )
  })
})

describe('buildRequest', () => {
  it('drops rows without a name and the body of a GET', () => {
    const request = buildRequest(
      'GET',
      ' http://h/a ',
      [
        ['', 'orphan'],
        [' Authorization ', 'eyJ'],
      ],
      '{"x":1}',
    )
    expect(request).toEqual({
      method: 'GET',
      url: 'http://h/a',
      headers: [['Authorization', 'eyJ']],
    })
  })

  it('keeps a header value exactly as typed', () => {
    const request = buildRequest('POST', 'http://h/', [['A', ' v ']], '{}')
    expect(request.headers).toEqual([['A', ' v ']])
    expect(request.body).toBe('{}')
  })
})

describe('checkUrl', () => {
  it('accepts http and https URLs only', () => {
    expect(checkUrl('http://127.0.0.1:3000/x')).toEqual({ ok: true })
    expect(checkUrl('/sandbox/api')).toEqual({
      ok: false,
      reason: 'not_absolute',
    })
    expect(checkUrl('ftp://h/')).toEqual({
      ok: false,
      reason: 'unsupported_scheme',
    })
  })
})
