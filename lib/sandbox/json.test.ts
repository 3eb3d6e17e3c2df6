import { describe, expect, it } from 'vitest'
import { isRecord, parseJson } from './json'

describe('json', () => {
  it('parses JSON into a result', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } })
  })

  it('returns the parser message for bad JSON', () => {
    const result = parseJson('{')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.detail).toMatch(/JSON/)
  })

  it('calls only plain objects records', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord([])).toBe(false)
    expect(isRecord(null)).toBe(false)
    expect(isRecord('x')).toBe(false)
  })
})
