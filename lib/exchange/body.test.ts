import { describe, expect, it } from 'vitest'
import { findHeader, formatBytes, isJsonContentType, viewBody } from './body'

describe('viewBody', () => {
  it('pretty-prints JSON served as text/html', () => {
    const view = viewBody('{"success":true,"n":1}', 'utf8')
    expect(view.isJson).toBe(true)
    expect(view.text).toBe('{\n  "success": true,\n  "n": 1\n}')
  })

  it('leaves text that is not JSON as it came', () => {
    expect(viewBody('<h1>Cannot POST</h1>', 'utf8')).toEqual({
      text: '<h1>Cannot POST</h1>',
      isJson: false,
    })
    expect(viewBody('{broken', 'utf8').isJson).toBe(false)
  })

  it('never parses a base64 body', () => {
    expect(viewBody('e30=', 'base64').isJson).toBe(false)
  })
})

describe('isJsonContentType', () => {
  it('tells JSON media types from others', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(true)
    expect(isJsonContentType('text/html; charset=utf-8')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
})

describe('formatBytes', () => {
  it('writes sizes the way a learner reads them', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(15808)).toBe('15.8 KB')
    expect(formatBytes(5_200_000)).toBe('5.2 MB')
  })
})

describe('findHeader', () => {
  it('matches names case-insensitively', () => {
    const headers = [['Content-Type', 'text/html']] as const
    expect(findHeader(headers, 'content-type')).toBe('text/html')
    expect(findHeader(headers, 'etag')).toBeUndefined()
  })
})
