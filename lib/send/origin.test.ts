import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseOrigin, toCanonicalOrigin } from './origin'

const canonical = (text: string) => toCanonicalOrigin(new URL(text))

/** Writes one IPv4 address the many ways WHATWG URL parsing accepts. */
const ipv4Spelling = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 255 }), {
      minLength: 4,
      maxLength: 4,
    }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom('dec', 'hex', 'HEX', 'oct'), {
      minLength: 4,
      maxLength: 4,
    }),
    fc.boolean(),
  )
  .map(([bytes, partCount, radixes, hasTrailingDot]) => {
    const dotted = bytes.join('.')
    // The last part may stand for several bytes: 127.1 is 127.0.0.1.
    const head = bytes.slice(0, partCount - 1)
    const tail = bytes
      .slice(partCount - 1)
      .reduce((value, byte) => value * 256 + byte, 0)
    const spelled = [...head, tail].map((value, index) => {
      const radix = radixes[index]
      if (radix === 'hex') return `0x${value.toString(16)}`
      if (radix === 'HEX') return `0X${value.toString(16).toUpperCase()}`
      if (radix === 'oct') return `0${value.toString(8)}`
      return String(value)
    })
    return { dotted, spelled: spelled.join('.') + (hasTrailingDot ? '.' : '') }
  })

describe('toCanonicalOrigin', () => {
  it.each([
    ['http://0x7f.1:3000/x', 'http://127.0.0.1:3000'],
    ['http://2130706433:3000/', 'http://127.0.0.1:3000'],
    ['http://0177.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['http://127.1:3000/', 'http://127.0.0.1:3000'],
    ['http://127.0.0.1.:3000/', 'http://127.0.0.1:3000'],
    ['http://[::ffff:127.0.0.1]:3000/', 'http://127.0.0.1:3000'],
    ['http://[0:0:0:0:0:FFFF:7F00:1]:3000/', 'http://127.0.0.1:3000'],
    ['http://[::1]:3000/', 'http://[::1]:3000'],
    ['http://[0:0::1]/', 'http://[::1]'],
    ['https://BigID.Example.:443/api', 'https://bigid.example'],
    ['https://bigid.example:8443/', 'https://bigid.example:8443'],
    ['http://bigid.example:443/', 'http://bigid.example:443'],
    ['HTTP://LOCALHOST.:80/', 'http://localhost'],
  ])('writes %s as %s', (url, origin) => {
    expect(canonical(url)).toBe(origin)
  })

  it('keeps a host ending in two dots as written, so it matches nothing', () => {
    expect(canonical('http://bigid.example../')).toBe('http://bigid.example..')
  })

  it('reads every IPv4 spelling of an address as its dotted form', () => {
    fc.assert(
      fc.property(ipv4Spelling, ({ dotted, spelled }) => {
        expect(canonical(`http://${spelled}:9100/path`)).toBe(
          `http://${dotted}:9100`,
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    const bytes = fc.array(fc.integer({ min: 0, max: 255 }), {
      minLength: 4,
      maxLength: 4,
    })
    fc.assert(
      fc.property(bytes, fc.boolean(), (parts, isDotted) => {
        const [a = 0, b = 0, c = 0, d = 0] = parts
        const hex = (high: number, low: number) =>
          ((high << 8) | low).toString(16)
        const tail = isDotted
          ? parts.join('.')
          : `${hex(a, b)}:${hex(c, d)}`.toUpperCase()
        expect(canonical(`http://[0:0:0:0:0:ffff:${tail}]/`)).toBe(
          `http://${parts.join('.')}`,
        )
      }),
      { numRuns: 1000 },
    )
  })

  it('ignores case, one trailing dot and the default port of a name', () => {
    // "xn--" starts a punycode label, which the URL parser decodes or
    // refuses: a different property, tested elsewhere.
    const label = fc
      .stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/)
      .filter((text) => !/^..--/.test(text))
    const host = fc
      .array(label, { minLength: 2, maxLength: 4 })
      .map((labels) => labels.join('.'))
    const scheme = fc.constantFrom('http', 'https')
    fc.assert(
      fc.property(
        host,
        scheme,
        fc.func(fc.boolean()),
        fc.boolean(),
        fc.boolean(),
        (name, protocol, isUpper, hasDot, hasPort) => {
          const spelled = [...name]
            .map((char, index) => (isUpper(index) ? char.toUpperCase() : char))
            .join('')
          const port = hasPort ? (protocol === 'http' ? ':80' : ':443') : ''
          const url = `${protocol}://${spelled}${hasDot ? '.' : ''}${port}/x`
          expect(canonical(url)).toBe(`${protocol}://${name}`)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('normaliseOrigin', () => {
  it('keeps a non-default port and drops a default one', () => {
    expect(normaliseOrigin('http://a.example:80')).toBe('http://a.example')
    expect(normaliseOrigin('https://a.example:8443')).toBe(
      'https://a.example:8443',
    )
  })

  it('writes an operator origin in the canonical spelling', () => {
    expect(normaliseOrigin('HTTPS://BigID.Example.:443')).toBe(
      'https://bigid.example',
    )
    expect(normaliseOrigin('http://0x0a.1:8080')).toBe('http://10.0.0.1:8080')
  })

  it.each([
    'https://a.example/v1',
    'https://u:p@a.example',
    'https://a.example?x',
    'ftp://a.example',
  ])('refuses %s', (text) => {
    expect(normaliseOrigin(text)).toBeUndefined()
  })
})
