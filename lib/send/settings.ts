import 'server-only'
import { isIP } from 'node:net'

export interface SendSettings {
  /** Operator origins, normalised (`https://api.example.com`). */
  readonly allowedOrigins: readonly string[]
  /** Where sandbox requests really go: the app's own loopback address. */
  readonly sandboxInternalOrigin: string
  /** The port the app listens on, for the loopback sandbox origins. */
  readonly appPort: number
  /**
   * The origin learners open the app at, when a proxy in front of it
   * changes the scheme or host; otherwise it is read off each request.
   */
  readonly publicOrigin: string | undefined
  readonly timeoutMs: number
  /** Cap on the learner's request body, in bytes. */
  readonly maxRequestBytes: number
  /** Cap on the whole JSON posted to /api/send, in bytes. */
  readonly maxEnvelopeBytes: number
  /** Cap on the decoded response body kept, in bytes. */
  readonly maxResponseBytes: number
}

export type SendEnv = Readonly<Record<string, string | undefined>>

export const SEND_DEFAULTS = {
  port: 3000,
  timeoutMs: 15_000,
  maxRequestBytes: 1024 * 1024,
  maxResponseBytes: 10 * 1024 * 1024,
} as const

/** Room in the posted JSON for the URL, the headers and escaping. */
const ENVELOPE_OVERHEAD_BYTES = 64 * 1024

/** A setting that cannot be used; thrown once, when the route loads. */
export class SendSettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SendSettingsError'
  }
}

export function loadSendSettings(env: SendEnv): SendSettings {
  const appPort = readInteger(env, 'PORT', SEND_DEFAULTS.port, 1, 65_535)
  const maxRequestBytes = readInteger(
    env,
    'SEND_MAX_REQUEST_BYTES',
    SEND_DEFAULTS.maxRequestBytes,
    1,
    256 * 1024 * 1024,
  )

  return {
    allowedOrigins: readAllowedOrigins(env.SEND_ALLOWED_ORIGINS),
    sandboxInternalOrigin: readInternalOrigin(env, appPort),
    appPort,
    publicOrigin: readPublicOrigin(env.PUBLIC_ORIGIN),
    timeoutMs: readInteger(
      env,
      'SEND_TIMEOUT_MS',
      SEND_DEFAULTS.timeoutMs,
      1,
      10 * 60_000,
    ),
    maxRequestBytes,
    // JSON escaping can double a body (quotes, backslashes); a body past
    // that is refused as too large before it is parsed.
    maxEnvelopeBytes: 2 * maxRequestBytes + ENVELOPE_OVERHEAD_BYTES,
    maxResponseBytes: readInteger(
      env,
      'SEND_MAX_RESPONSE_BYTES',
      SEND_DEFAULTS.maxResponseBytes,
      1,
      1024 * 1024 * 1024,
    ),
  }
}

/**
 * Normalises an origin to `scheme://host[:port]`: lower-case host, default
 * port dropped. Returns undefined for anything that is not a bare http or
 * https origin (a path, query, fragment or userinfo makes it invalid).
 */
export function normaliseOrigin(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined
  const url = new URL(text)
  const isBare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !text.includes('?') &&
    !text.includes('#')
  return isBare ? url.origin : undefined
}

function readAllowedOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')

  const origins = entries.map((entry) => {
    const origin = normaliseOrigin(entry)
    if (origin === undefined) {
      throw new SendSettingsError(
        `SEND_ALLOWED_ORIGINS has an invalid entry "${entry}": each entry ` +
          'must be an http or https origin such as https://api.example.com, ' +
          'with no path, query or user name.',
      )
    }
    return origin
  })
  return [...new Set(origins)]
}

function readPublicOrigin(value: string | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const origin = normaliseOrigin(text)
  if (origin === undefined) {
    throw new SendSettingsError(
      `PUBLIC_ORIGIN "${text}" is not an origin: write the scheme, host ` +
        'and port learners open the app at, such as https://learn.example.com.',
    )
  }
  return origin
}

function readInternalOrigin(env: SendEnv, port: number): string {
  const override = env.SANDBOX_INTERNAL_ORIGIN?.trim()
  if (override) {
    const origin = normaliseOrigin(override)
    if (origin === undefined) {
      throw new SendSettingsError(
        `SANDBOX_INTERNAL_ORIGIN is "${override}": it must be an http or ` +
          'https origin such as http://127.0.0.1:3000.',
      )
    }
    return origin
  }
  return `http://${pickLoopbackHost(env.HOSTNAME)}:${port}`
}

/**
 * The app listens on HOSTNAME when it is a specific IP address; a wildcard,
 * a machine name (shells set HOSTNAME to one) or nothing means loopback.
 */
function pickLoopbackHost(hostname: string | undefined): string {
  const host = hostname?.trim() ?? ''
  const version = isIP(host)
  if (version === 4 && host !== '0.0.0.0') return host
  if (version === 6 && !/^[0:]+$/.test(host)) return `[${host}]`
  return '127.0.0.1'
}

function readInteger(
  env: SendEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name]?.trim()
  if (text === undefined || text === '') return fallback

  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new SendSettingsError(
      `${name} is "${text}": it must be a whole number from ${min} to ${max}.`,
    )
  }
  return value
}
