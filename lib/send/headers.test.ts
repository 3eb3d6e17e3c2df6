import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isHeaderName,
  parseContentCodings,
  prepareRequestHeaders,
  toHeaderPairs,
} from './headers'

function prepare(pairs: [string, string][]) {
  const result = prepareRequestHeaders(pairs)
  if (!result.ok) throw result.error
  return result.value
}

describe('prepareRequestHeaders', () => {
  it('passes ordinary headers through in order, repeats kept', () => {
    const pairs: [string, string][] = [
      ['Authorization', 'Bearer abc'],
      ['Accept', 'application/json'],
      ['X-Tag', 'one'],
      ['X-Tag', 'two'],
    ]
    expect(prepare(pairs)).toEqual({ headers: pairs, notes: [] })
  })

  it.each([
    'Connection',
    'Keep-Alive',
    'Proxy-Authorization',
    'TE',
    'Trailer',
    'Transfer-Encoding',
    'Upgrade',
    'Host',
    'Content-Length',
    'Cookie',
    'Origin',
    'Referer',
    'Sec-Fetch-Site',
    'X-Forwarded-For',
    'Forwarded',
    'Expect',
  ])('strips %s with a note naming it', (name) => {
    const prepared = prepare([
      [name, 'value'],
      ['Accept', '*/*'],
    ])
    expect(prepared.headers).toEqual([['Accept', '*/*']])
    expect(prepared.notes).toHaveLength(1)
    expect(prepared.notes[0]?.code).toBe('header_stripped')
    expect(prepared.notes[0]?.message).toContain(`"${name}"`)
  })

  it('strips the headers a Connection header names', () => {
    const prepared = prepare([
      ['Connection', 'close, X-Hop'],
      ['x-hop', '1'],
      ['X-Kept', '2'],
    ])
    expect(prepared.headers).toEqual([['X-Kept', '2']])
  })

  it('adds nothing to an empty list', () => {
    expect(prepare([])).toEqual({ headers: [], notes: [] })
  })

  it.each(['', 'Bad Name', 'Bad:Name', 'Naïve', 'X-\r\nInjected', '(x)'])(
    'refuses the header name %j',
    (name) => {
      const result = prepareRequestHeaders([
        ['Accept', '*/*'],
        [name, 'v'],
      ])
      expect(!result.ok && result.error.code).toBe('invalid_header_name')
      expect(!result.ok && result.error.message).toContain('Header 2')
    },
  )

  it.each(['a\r\nX-Injected: 1', 'a\nb', 'a\rb', 'a\0b'])(
    'refuses the value %j with a line-break error',
    (value) => {
      const result = prepareRequestHeaders([['X-Note', value]])
      expect(!result.ok && result.error.code).toBe('header_value_line_break')
      expect(!result.ok && result.error.message).toContain('"X-Note"')
    },
  )

  it.each(['a\u0001b', 'a\u007fb', 'emoji 🙂', 'Ω'])(
    'refuses the value %j as not carriable',
    (value) => {
      const result = prepareRequestHeaders([['X-Note', value]])
      expect(!result.ok && result.error.code).toBe('invalid_header_value')
    },
  )

  it('accepts tabs and Latin-1 in values', () => {
    expect(prepare([['X-Note', 'caf\u00e9\tok']]).headers).toHaveLength(1)
  })

  it('accepts exactly the RFC 9110 token names', () => {
    const tchar = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (name) => {
        const result = prepareRequestHeaders([[name, 'v']])
        const isRefusedName =
          !result.ok && result.error.code === 'invalid_header_name'
        expect(isRefusedName).toBe(!tchar.test(name))
        expect(isHeaderName(name)).toBe(tchar.test(name))
      }),
      { numRuns: 2000 },
    )
  })

  it('never lets a line break or NUL through in any value', () => {
    const unit = fc.constantFrom('a', ' ', '\t', '\r', '\n', '\0', 'é', ':')
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (value) => {
        const result = prepareRequestHeaders([['X-Value', value]])
        if (/[\r\n\0]/.test(value)) {
          expect(!result.ok && result.error.code).toBe(
            'header_value_line_break',
          )
        } else {
          expect(result.ok).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('toHeaderPairs', () => {
  it('keeps every header in order with names lower-cased', () => {
    expect(
      toHeaderPairs([
        'Set-Cookie',
        'a=1',
        'Content-Type',
        'text/plain',
        'Set-Cookie',
        'b=2',
      ]),
    ).toEqual([
      ['set-cookie', 'a=1'],
      ['content-type', 'text/plain'],
      ['set-cookie', 'b=2'],
    ])
  })
})

describe('parseContentCodings', () => {
  it('lists codings in the order applied, identity left out', () => {
    expect(
      parseContentCodings([
        ['content-encoding', 'gzip, identity'],
        ['content-encoding', ' BR '],
      ]),
    ).toEqual(['gzip', 'br'])
  })
})
