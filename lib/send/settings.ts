import 'server-only'
import { isIP } from 'node:net'
import { normaliseOrigin } from './origin'

export interface SendSettings {
  /** Operator origins, normalised (`https://api.example.com`). */
  readonly allowedOrigins: readonly string[]
  /** Where sandbox requests really go: the app's own loopback address. */
  readonly sandboxInternalOrigin: string
  /**
   * True unless SANDBOX_INTERNAL_ORIGIN names a sandbox elsewhere: Sends
   * to the sandbox are then answered by this process's own sandbox,
   * without a socket.
   */
  readonly isSandboxInProcess: boolean
  /** The port the app listens on, for the loopback sandbox origins. */
  readonly appPort: number
  /**
   * The origin learners open the app at, when a proxy in front of it
   * changes the scheme or host; otherwise it is read off each request.
   */
  readonly publicOrigin: string | undefined
  /** Overall deadline for one send, connect to last byte. */
  readonly timeoutMs: number
  /** Each no longer than `timeoutMs`. */
  readonly connectTimeoutMs: number
  readonly headersTimeoutMs: number
  /** Longest silence between two pieces of a response body. */
  readonly bodyTimeoutMs: number
  /** Sends per minute per client; 0 turns the limit off. */
  readonly rateLimitPerMinute: number
  /** Shared store for the limit, so replicas count together. */
  readonly redisUrl: string | undefined
  /**
   * How many proxies in front of the app append to X-Forwarded-For; 0
   * means the header is not believed and every caller shares one limit.
   */
  readonly trustProxyHops: number
  /** Let operator origins resolve to link-local or metadata addresses. */
  readonly allowLinkLocal: boolean
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
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  rateLimitPerMinute: 600,
  maxRequestBytes: 1024 * 1024,
  maxResponseBytes: 10 * 1024 * 1024,
} as const

/** Response header bytes undici reads before giving up (Node's default). */
export const MAX_RESPONSE_HEADER_BYTES = 16 * 1024

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

  const timeoutMs = readInteger(
    env,
    'SEND_TIMEOUT_MS',
    SEND_DEFAULTS.timeoutMs,
    1,
    10 * 60_000,
  )
  // A default longer than the deadline shrinks to it; a written one errs.
  const readPhaseTimeout = (name: string, fallback: number) =>
    readInteger(
      env,
      name,
      Math.min(fallback, timeoutMs),
      1,
      timeoutMs,
      ' (no longer than SEND_TIMEOUT_MS, the deadline for the whole send)',
    )

  return {
    allowedOrigins: readAllowedOrigins(env.SEND_ALLOWED_ORIGINS),
    sandboxInternalOrigin: readInternalOrigin(env, appPort),
    isSandboxInProcess: !env.SANDBOX_INTERNAL_ORIGIN?.trim(),
    appPort,
    publicOrigin: readPublicOrigin(env.PUBLIC_ORIGIN),
    timeoutMs,
    connectTimeoutMs: readPhaseTimeout(
      'SEND_CONNECT_TIMEOUT_MS',
      SEND_DEFAULTS.connectTimeoutMs,
    ),
    headersTimeoutMs: readPhaseTimeout(
      'SEND_HEADERS_TIMEOUT_MS',
      SEND_DEFAULTS.headersTimeoutMs,
    ),
    bodyTimeoutMs: readPhaseTimeout(
      'SEND_BODY_TIMEOUT_MS',
      SEND_DEFAULTS.bodyTimeoutMs,
    ),
    rateLimitPerMinute: readInteger(
      env,
      'SEND_RATE_LIMIT',
      SEND_DEFAULTS.rateLimitPerMinute,
      0,
      1_000_000,
    ),
    redisUrl: readRedisUrl(env.REDIS_URL),
    trustProxyHops: readTrustProxy(env.TRUST_PROXY),
    allowLinkLocal: readFlag(env, 'SEND_ALLOW_LINK_LOCAL', false),
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

/** Never echoes the URL: it may carry the store's password. */
function readRedisUrl(value: string | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const isRedis =
    URL.canParse(text) && ['redis:', 'rediss:'].includes(new URL(text).protocol)
  if (!isRedis) {
    throw new SendSettingsError(
      'REDIS_URL is not a redis:// or rediss:// URL (its value is not ' +
        'shown, as it may hold a password). Write it as ' +
        'redis://[:password@]host:port[/db], or leave it unset to count ' +
        'sends in memory.',
    )
  }
  return text
}

function readTrustProxy(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === 'false') return 0
  if (text === 'true') return 1
  if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text)
  throw new SendSettingsError(
    `TRUST_PROXY is "${value}": it must be false, true (one proxy) or the ` +
      'number of proxies in front of the app that append to ' +
      'X-Forwarded-For, from 0 to 10.',
  )
}

function readFlag(env: SendEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase() ?? ''
  if (text === '') return fallback
  if (text === 'true' || text === '1') return true
  if (text === 'false' || text === '0') return false
  throw new SendSettingsError(
    `${name} is "${env[name]}": it must be true, false, 1 or 0.`,
  )
}

function readInteger(
  env: SendEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  hint = '',
): number {
  const text = env[name]?.trim()
  if (text === undefined || text === '') return fallback

  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new SendSettingsError(
      `${name} is "${text}": it must be a whole number from ${min} to ` +
        `${max}${hint}.`,
    )
  }
  return value
}
