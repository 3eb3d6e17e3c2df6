export type DecodedJwt = {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  // Seconds since the epoch, when the claims carry them as numbers.
  issuedAt?: number
  expiresAt?: number
}

const segment = /^[A-Za-z0-9_-]+$/

export function looksLikeJwt(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 3 && parts.every((part) => segment.test(part))
}

// Reads a JWT's header and claims without checking its signature: the
// playground only shows what a token says; the server decides if it holds.
export function decodeJwt(token: string): DecodedJwt | undefined {
  if (!looksLikeJwt(token)) return undefined
  const [headerPart = '', claimsPart = ''] = token.split('.')
  const header = decodeSegment(headerPart)
  const claims = decodeSegment(claimsPart)
  if (!header || !claims) return undefined

  return {
    header,
    claims,
    issuedAt: typeof claims.iat === 'number' ? claims.iat : undefined,
    expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
  }
}

function decodeSegment(part: string): Record<string, unknown> | undefined {
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/')
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return undefined
    }
    return value as Record<string, unknown>
  } catch {
    return undefined
  }
}

export type Lifetime =
  | { state: 'no-expiry' }
  | { state: 'expired'; secondsAgo: number }
  | { state: 'expiring'; secondsLeft: number }
  | { state: 'valid'; secondsLeft: number }

// Under five minutes left is flagged before Send.
export const expiringSoonSeconds = 5 * 60

export function lifetimeOf(jwt: DecodedJwt, nowMs: number): Lifetime {
  if (jwt.expiresAt === undefined) return { state: 'no-expiry' }
  const secondsLeft = Math.floor(jwt.expiresAt - nowMs / 1000)
  if (secondsLeft <= 0) return { state: 'expired', secondsAgo: -secondsLeft }
  if (secondsLeft < expiringSoonSeconds) {
    return { state: 'expiring', secondsLeft }
  }
  return { state: 'valid', secondsLeft }
}

export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds % 86_400) / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${minutes} min`
  if (minutes > 0) return `${minutes} min ${rest} s`
  return `${rest} s`
}
