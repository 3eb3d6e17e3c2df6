import 'server-only'
import { isIPv4, isIPv6 } from 'node:net'

export interface ClientIdentity {
  /** What the rate limit counts under. */
  readonly key: string
  /** True when the caller could not be told apart from others. */
  readonly isShared: boolean
}

/** Every caller the app cannot tell apart shares this one bucket. */
export const SHARED_CLIENT_KEY = 'shared'

/**
 * Who is sending, for the rate limit. A route handler never sees the
 * socket's address, and Next fills X-Forwarded-For only when the caller
 * sent none, so without a trusted proxy the header is whatever the caller
 * wrote: every caller then shares one bucket. Behind `trustProxyHops`
 * proxies that each append the address they saw, the client is the entry
 * that many places from the right; entries to its left are the client's
 * own claims and are never read.
 */
export function identifyClient(
  headers: Headers,
  trustProxyHops: number,
): ClientIdentity {
  const shared = { key: SHARED_CLIENT_KEY, isShared: true }
  if (trustProxyHops === 0) return shared

  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
  const entry =
    entries.length >= trustProxyHops ? entries.at(-trustProxyHops) : undefined
  const address = entry === undefined ? undefined : parseAddress(entry)
  return address === undefined ? shared : { key: address, isShared: false }
}

/**
 * An address as proxies write it (`203.0.113.9`, `203.0.113.9:5123`,
 * `[2001:db8::1]:443`, `::ffff:203.0.113.9`), as a bucket key. An IPv6
 * client owns its whole /64, so it is counted by that prefix.
 */
function parseAddress(entry: string): string | undefined {
  const text = entry
    .replace(/^\[([^\]]+)\](:\d+)?$/, '$1')
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1')
    .toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1]
  if (mapped !== undefined && isIPv4(mapped)) return mapped
  if (isIPv4(text)) return text
  if (isIPv6(text)) return `${expandIPv6(text).slice(0, 4).join(':')}::/64`
  return undefined
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.replace(/%.*$/, '').split('::')
  const headParts = head === '' ? [] : head.split(':')
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - headParts.length - tailParts.length
  const zeros = Array.from({ length: Math.max(0, missing) }, () => '0')
  return [...headParts, ...zeros, ...tailParts].map((part) =>
    (Number.parseInt(part, 16) || 0).toString(16),
  )
}
