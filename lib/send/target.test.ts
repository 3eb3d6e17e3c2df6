import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCanonicalOrigin } from './origin'
import {
  hasUnsafeSandboxPath,
  resolveTarget,
  type TargetContext,
} from './target'

const context: TargetContext = {
  ownOrigin: 'http://tutorial.example:3000',
  settings: {
    allowedOrigins: ['https://bigid.example', 'http://127.0.0.1:9100'],
    sandboxInternalOrigin: 'http://127.0.0.1:3000',
    appPort: 3000,
  },
}

function refusalCode(url: string): string | undefined {
  const result = resolveTarget(url, context)
  return result.ok ? undefined : result.error.code
}

describe('resolveTarget', () => {
  it.each([
    'http://tutorial.example:3000/sandbox/api/v1/sessions',
    'http://127.0.0.1:3000/sandbox/api/v1/sessions',
    'http://localhost:3000/sandbox/api/v1/sessions',
    '/sandbox/api/v1/sessions',
  ])('sends the sandbox URL %s to the internal origin', (url) => {
    const result = resolveTarget(url, context)
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'sandbox',
        connectOrigin: 'http://127.0.0.1:3000',
        path: '/sandbox/api/v1/sessions',
      },
    })
  })

  it('connects to the internal origin whatever the Host header said', () => {
    const spoofed = { ...context, ownOrigin: 'http://attacker.example' }
    const result = resolveTarget(
      'http://attacker.example/sandbox/api/v1/sessions?limit=2',
      spoofed,
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        connectOrigin: 'http://127.0.0.1:3000',
        path: '/sandbox/api/v1/sessions?limit=2',
      },
    })
  })

  it('sends an allowed operator origin to itself, query kept, fragment dropped', () => {
    const result = resolveTarget(
      'https://BIGID.example:443/api/v1/ds-connections?skip=0#top',
      context,
    )
    expect(result.ok && result.value).toMatchObject({
      kind: 'operator',
      connectOrigin: 'https://bigid.example',
      path: '/api/v1/ds-connections?skip=0',
    })
    expect(result.ok && result.value.url.href).toBe(
      'https://bigid.example/api/v1/ds-connections?skip=0',
    )
  })

  it.each([
    ['/sandbox/../api/send'],
    ['/sandbox/./api/v1/sessions'],
    ['/sandbox/%2e%2e/api/send'],
    ['/sandbox/%2E%2E/api/send'],
    ['/sandbox/%2E./api/send'],
    ['/sandbox/.%2e/api/send'],
    ['/sandbox/%2e/api/v1/sessions'],
    ['/sandbox/%252e%252e/api/send'],
    ['/sandbox/api%2f..%2fsend'],
    ['/sandbox/api%2Fv1'],
    ['/sandbox/api%5cv1'],
    ['/sandbox\\..\\api\\send'],
    ['/sandbox/..'],
  ])('refuses the dot or encoded-slash path %s', (path) => {
    expect(refusalCode(`http://127.0.0.1:3000${path}`)).toBe(
      'unsafe_sandbox_path',
    )
    expect(refusalCode(path)).toBe('unsafe_sandbox_path')
  })

  it('refuses a tab hidden inside a dot segment', () => {
    expect(refusalCode('http://127.0.0.1:3000/sandbox/.\t./api/send')).toBe(
      'invalid_url',
    )
  })

  it.each([
    'http://127.0.0.1:3000/api/send',
    'http://tutorial.example:3000/api/send',
    'http://localhost:3000/',
    'http://127.0.0.1:3000/lessons/intro',
    'http://127.0.0.1:3000/sandbox',
    '/api/send',
  ])("refuses the app's own route %s", (url) => {
    const result = resolveTarget(url, context)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('target_not_allowed')
    expect(!result.ok && result.error.message).toContain('part of this app')
  })

  it.each([
    'http://user:pass@127.0.0.1:3000/sandbox/api/v1/sessions',
    'https://token@bigid.example/api',
    'http://@127.0.0.1:3000/sandbox/api',
    'https:bigid.example@127.0.0.1:3000/sandbox/api',
  ])('refuses userinfo in %s', (url) => {
    expect(refusalCode(url)).toBe('url_has_userinfo')
  })

  it.each([
    'http://0x7f.1:3000',
    'http://2130706433:3000',
    'http://0177.0.0.1:3000',
    'http://127.1:3000',
    'http://127.0.0.1.:3000',
    'http://[::ffff:127.0.0.1]:3000',
    'http://[::ffff:7f00:1]:3000',
    'http://LOCALHOST.:3000',
    'http://Tutorial.Example.:3000',
  ])('reads %s as the app: sandbox yes, its own routes no', (origin) => {
    expect(
      resolveTarget(`${origin}/sandbox/api/v1/sessions`, context),
    ).toMatchObject({
      ok: true,
      value: { kind: 'sandbox', connectOrigin: 'http://127.0.0.1:3000' },
    })
    const own = resolveTarget(`${origin}/api/send`, context)
    expect(!own.ok && own.error.message).toContain('part of this app')
    expect(refusalCode(`${origin}/sandbox/%2e%2e/api/send`)).toBe(
      'unsafe_sandbox_path',
    )
  })

  it.each([
    ['https://BIGID.EXAMPLE./api', 'https://bigid.example'],
    ['https://bigid.example:443/api', 'https://bigid.example'],
    ['http://0x7f.1:9100/api', 'http://127.0.0.1:9100'],
    ['http://2130706433:9100/api', 'http://127.0.0.1:9100'],
    ['http://[::ffff:7f00:1]:9100/api', 'http://127.0.0.1:9100'],
  ])(
    'matches %s to the allowed origin %s and connects there',
    (url, origin) => {
      expect(resolveTarget(url, context)).toMatchObject({
        ok: true,
        value: { kind: 'operator', connectOrigin: origin, path: '/api' },
      })
    },
  )

  it.each([
    'http://bigid.example/api',
    'https://bigid.example:8443/api',
    'https://bigid.example../api',
    'https://bigid.example.evil.example/api',
    'https://evilbigid.example/api',
    'http://127.0.0.2:9100/api',
    'http://[::1]:9100/api',
    'http://0.0.0.0:9100/api',
  ])('refuses %s, which only looks like an allowed origin', (url) => {
    expect(refusalCode(url)).toBe('target_not_allowed')
  })

  it('reads a backslash after the host as a path, as URL parsing does', () => {
    expect(refusalCode('http://127.0.0.1:3000\\@bigid.example/sandbox/x')).toBe(
      'unsafe_sandbox_path',
    )
  })

  it.each([
    ['ftp://bigid.example/file', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['localhost:3000/sandbox/api', 'unsupported_scheme'],
    ['//bigid.example/api', 'invalid_url'],
    ['http://', 'invalid_url'],
    ['not a url', 'invalid_url'],
  ])('refuses %s as %s', (url, code) => {
    expect(refusalCode(url)).toBe(code)
  })

  it.each([
    'https://other.example/api',
    'http://bigid.example/api',
    'https://bigid.example:8443/api',
    'http://127.0.0.1:9101/anything',
    'http://127.0.0.1:3001/sandbox/api/v1/sessions',
    'http://[::1]:3000/sandbox/api/v1/sessions',
  ])('refuses %s, an origin not on the list', (url) => {
    const result = resolveTarget(url, context)
    expect(!result.ok && result.error.code).toBe('target_not_allowed')
    expect(!result.ok && result.error.message).toContain(
      'https://bigid.example, http://127.0.0.1:9100',
    )
  })

  it('never lets a sandbox URL reach a path outside /sandbox/', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e',
        '%2E',
        '%2e%2e',
        '.%2e',
        '%2f',
        '%5c',
        '\\',
        '/',
        '%25',
        '2e',
        'api',
        'send',
        '?',
        '#',
        ';',
      ),
      fc.string({ maxLength: 4 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const url = `http://127.0.0.1:3000/sandbox/${pieces.join('')}`
        const result = resolveTarget(url, context)
        if (!result.ok) return
        const segments = result.value.url.pathname.split('/')
        expect(result.value.path.startsWith('/sandbox/')).toBe(true)
        expect(segments).not.toContain('..')
        expect(result.value.connectOrigin).toBe('http://127.0.0.1:3000')
      }),
      { numRuns: 2000 },
    )
  })

  it('connects only to an allowed origin or the sandbox, never with userinfo', () => {
    const prefix = fc.constantFrom(
      'https://bigid.example',
      'http://127.0.0.1:9100',
      'http://127.0.0.1:3000',
      'http:127.0.0.1:3000',
      '/',
    )
    const tricky = fc.string({
      unit: fc.constantFrom(...'@:/\\?#.%25cfex0129-'.split('')),
      maxLength: 24,
    })
    const allowed = [
      ...context.settings.allowedOrigins,
      context.settings.sandboxInternalOrigin,
    ]
    fc.assert(
      fc.property(prefix, tricky, (start, rest) => {
        const result = resolveTarget(start + rest, context)
        if (!result.ok) return
        const { connectOrigin, kind, url, path } = result.value
        expect(allowed).toContain(connectOrigin)
        expect(url.username + url.password).toBe('')
        expect(new URL(connectOrigin + path).origin).toBe(connectOrigin)
        if (kind === 'operator') {
          expect(toCanonicalOrigin(url)).toBe(connectOrigin)
        } else expect(path.startsWith('/sandbox/')).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('hasUnsafeSandboxPath', () => {
  it('accepts plain and percent-encoded ordinary paths', () => {
    expect(hasUnsafeSandboxPath('/sandbox/api/v1/sessions')).toBe(false)
    expect(hasUnsafeSandboxPath('/sandbox/api/v1/a%20b/c.json')).toBe(false)
    expect(hasUnsafeSandboxPath('/sandbox/api/..hidden/x')).toBe(false)
  })
})
