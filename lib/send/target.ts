import 'server-only'
import { fail, type Result, succeed } from './errors'
import { toCanonicalOrigin } from './origin'
import type { SendSettings } from './settings'

export interface Target {
  readonly kind: 'sandbox' | 'operator'
  /** The URL as the learner meant it, normalised, without its fragment. */
  readonly url: URL
  /** The origin the request is really sent to. */
  readonly connectOrigin: string
  /** Path and query sent on the request line. */
  readonly path: string
}

export interface TargetContext {
  /** The origin the incoming /api/send request was addressed to. */
  readonly ownOrigin: string
  readonly settings: Pick<
    SendSettings,
    'allowedOrigins' | 'sandboxInternalOrigin' | 'appPort'
  >
}

export const SANDBOX_PREFIX = '/sandbox/'

/**
 * Decides where a learner's URL may go. The sandbox is reached through the
 * app's own origin, but always connected to the internal loopback origin, so
 * a spoofed Host header cannot point it anywhere else.
 */
export function resolveTarget(
  rawUrl: string,
  context: TargetContext,
): Result<Target> {
  const text = rawUrl.trim()
  // WHATWG parsing drops tabs and line breaks anywhere, which would let
  // ".\t." become "..": refuse every control character and space instead.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see above
  if (/[\x00-\x20\x7f]/.test(text)) return fail('invalid_url')

  const raw = splitRawUrl(text)
  if (raw === undefined) return fail('invalid_url')
  if (raw.scheme !== 'http' && raw.scheme !== 'https') {
    return fail('unsupported_scheme', { scheme: `${raw.scheme}:` })
  }
  if (raw.authority.includes('@')) return fail('url_has_userinfo')

  const base = raw.isRelative ? context.ownOrigin : undefined
  if (!URL.canParse(text, base)) return fail('invalid_url')
  const url = new URL(text, base)
  url.hash = ''
  if (url.username !== '' || url.password !== '') {
    return fail('url_has_userinfo')
  }

  // Compared in one spelling, so "http://0x7f.1:3000" is the app and
  // "https://BIGID.example.:443" is https://bigid.example.
  const origin = toCanonicalOrigin(url)
  const path = `${url.pathname}${url.search}`
  if (listSandboxOrigins(context).includes(origin)) {
    if (hasUnsafeSandboxPath(raw.path)) return fail('unsafe_sandbox_path')
    if (!url.pathname.startsWith(SANDBOX_PREFIX)) {
      return refuse(url.origin, context, true)
    }
    const connectOrigin = context.settings.sandboxInternalOrigin
    return succeed({ kind: 'sandbox', url, connectOrigin, path })
  }

  // The connection goes to the operator's own spelling of the origin.
  if (context.settings.allowedOrigins.includes(origin)) {
    return succeed({ kind: 'operator', url, connectOrigin: origin, path })
  }
  return refuse(url.origin, context, false)
}

/** Origins that mean "this app": the sandbox lives under them. */
export function listSandboxOrigins(context: TargetContext): string[] {
  const { appPort, sandboxInternalOrigin } = context.settings
  const own = URL.canParse(context.ownOrigin)
    ? toCanonicalOrigin(new URL(context.ownOrigin))
    : context.ownOrigin
  return [
    own,
    `http://127.0.0.1:${appPort}`,
    `http://localhost:${appPort}`,
    sandboxInternalOrigin,
  ]
}

/**
 * True when a raw (unparsed) path could step outside /sandbox/: a "." or
 * ".." segment in any spelling, a backslash, or an encoded slash or
 * backslash, also when encoded more than once. URL parsing resolves some of
 * these silently, so the check reads what the learner wrote.
 */
export function hasUnsafeSandboxPath(rawPath: string): boolean {
  let current = rawPath
  for (let round = 0; round < 4; round++) {
    if (current.includes('\\') || /%(2f|5c)/i.test(current)) return true
    const segments = current.replace(/%2e/gi, '.').split('/')
    if (segments.some((segment) => segment === '.' || segment === '..')) {
      return true
    }

    const decoded = decodePercentOnce(current)
    if (decoded === current) return false
    current = decoded
  }
  return true
}

interface RawUrl {
  readonly scheme: string
  readonly authority: string
  readonly path: string
  readonly isRelative: boolean
}

/**
 * Splits the learner's text the way the WHATWG parser reads http(s) URLs:
 * any run of / or \ after the scheme, then the authority up to the next
 * / \ ? or #. A text starting with a single / is a path on this app.
 */
function splitRawUrl(text: string): RawUrl | undefined {
  if (text.startsWith('/') && !/^[/\\]{2}/.test(text)) {
    return {
      scheme: 'http',
      authority: '',
      path: beforeQuery(text),
      isRelative: true,
    }
  }

  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(text)
  if (!match?.[1] || match[2] === undefined) return undefined
  const scheme = match[1].toLowerCase()
  const rest = /^[/\\]*([^/\\?#]*)(.*)$/s.exec(match[2])
  return {
    scheme,
    authority: rest?.[1] ?? '',
    path: beforeQuery(rest?.[2] ?? ''),
    isRelative: false,
  }
}

function beforeQuery(text: string): string {
  const end = text.search(/[?#]/)
  return end === -1 ? text : text.slice(0, end)
}

function decodePercentOnce(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}

function refuse(origin: string, context: TargetContext, isAppRoute: boolean) {
  return fail('target_not_allowed', {
    origin,
    sandbox: context.ownOrigin,
    allowed: context.settings.allowedOrigins,
    isAppRoute,
  })
}
