import { describe, expect, it } from 'vitest'
import {
  quoteForJavaScript,
  quoteForPowerShell,
  quoteForPython,
  quoteForShell,
  singleQuoteForShell,
} from './quote'

describe('quote.ts', () => {
  it('leaves a plain shell word bare and quotes anything else', () => {
    expect(quoteForShell('http://127.0.0.1:3000/a')).toBe(
      'http://127.0.0.1:3000/a',
    )
    expect(quoteForShell('a b')).toBe("'a b'")
    expect(quoteForShell('')).toBe("''")
  })

  it("closes and reopens the shell's single quotes around a quote", () => {
    expect(singleQuoteForShell(`it's $HOME \`id\` !`)).toBe(
      `'it'\\''s $HOME \`id\` !'`,
    )
  })

  it('escapes quotes, backslashes and invisible characters in JavaScript', () => {
    expect(quoteForJavaScript(`a'b"c\\d\ne\u2028f\u0000`)).toBe(
      `'a\\'b"c\\\\d\\ne\\u2028f\\u0000'`,
    )
    const template = ['$', '{x} `y`'].join('')
    expect(quoteForJavaScript(template)).toBe(`'${template}'`)
  })

  it('escapes double quotes and control characters in Python', () => {
    expect(quoteForPython(`a'b"c\\d\r\n\u007f`)).toBe(
      `"a'b\\"c\\\\d\\r\\n\\u007f"`,
    )
    expect(quoteForPython('Zürich 😀')).toBe('"Zürich 😀"')
  })

  it('doubles straight and typographic single quotes in PowerShell', () => {
    expect(quoteForPowerShell(`it's ‘x’ $env:HOME \`n`)).toBe(
      `'it''s ‘‘x’’ $env:HOME \`n'`,
    )
  })
})
