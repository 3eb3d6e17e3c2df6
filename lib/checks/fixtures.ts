import type { Exchange, SendOutcome } from '@/lib/exchange/types'

// Builds an unsigned-looking JWT for tests: the checks read tokens, they
// never verify them.
export function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`
}

export function makeExchange(status: number, body: unknown): Exchange {
  return {
    status,
    statusText: '',
    headers: [],
    body: typeof body === 'string' ? body : JSON.stringify(body),
    bodyEncoding: 'utf8',
    sizeBytes: 0,
    durationMs: 1,
    truncated: false,
  }
}

export function makeAnswer(status: number, body: unknown): SendOutcome {
  return { ok: true, exchange: makeExchange(status, body) }
}
