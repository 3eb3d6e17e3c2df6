import 'server-only'
import { createSendError, fail, type Result, succeed } from './errors'
import { toCanonicalOrigin } from './origin'

/**
 * The origin the learner's page was served from. Next builds request.url
 * from its own idea of the host (often "localhost"), so the Host header the
 * browser sent is the better witness; an operator behind a proxy sets
 * PUBLIC_ORIGIN instead. Only used to recognise the sandbox and the page's
 * own calls: sandbox requests always connect to the internal origin.
 */
export function resolveOwnOrigin(
  request: Request,
  publicOrigin: string | undefined,
): string {
  if (publicOrigin) return publicOrigin
  const url = new URL(request.url)
  const host = request.headers.get('host')
  if (!host) return url.origin
  const candidate = `${url.protocol}//${host}`
  return URL.canParse(candidate) ? new URL(candidate).origin : url.origin
}

/**
 * Refuses calls from other sites, sibling subdomains included: a page
 * elsewhere must not use this app as its way into the network. Browsers
 * send Origin on every POST; same-origin pages and non-browser callers
 * (curl, tests) pass.
 */
export function checkCaller(headers: Headers, ownOrigin: string): Result<null> {
  const origin = headers.get('origin')
  const site = headers.get('sec-fetch-site')?.trim().toLowerCase()
  const isOtherOrigin = origin !== null && !isSameOrigin(origin, ownOrigin)
  if (isOtherOrigin || site === 'cross-site' || site === 'same-site') {
    return fail('cross_origin_caller')
  }
  return succeed(null)
}

function isSameOrigin(origin: string, ownOrigin: string): boolean {
  if (origin === ownOrigin) return true
  if (!URL.canParse(origin) || !URL.canParse(ownOrigin)) return false
  return (
    toCanonicalOrigin(new URL(origin)) === toCanonicalOrigin(new URL(ownOrigin))
  )
}

/**
 * Reads the posted JSON, counting bytes as they arrive: a Content-Length
 * header is only a claim, so the limit holds on what is actually read. A
 * body still arriving after `timeoutMs` is given up on, so a caller that
 * trickles bytes cannot hold the route open.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<Result<unknown>> {
  const tooLarge = () =>
    fail('request_too_large', { part: 'request', limitBytes: maxBytes })
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) return tooLarge()
  if (request.body === null) return fail('invalid_json')

  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeoutMs)
  })
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired])
      if (next === 'expired') {
        await reader.cancel().catch(() => undefined)
        return fail('request_timeout', { timeoutMs })
      }
      if (next.done) break
      size += next.value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return tooLarge()
      }
      chunks.push(next.value)
    }
  } catch (error) {
    const cancelled = createSendError('request_cancelled').withCause(error)
    return { ok: false, error: cancelled }
  } finally {
    clearTimeout(timer)
  }

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Buffer.concat(chunks, size),
    )
    return succeed(JSON.parse(text) as unknown)
  } catch (error) {
    return {
      ok: false,
      error: createSendError('invalid_json').withCause(error),
    }
  }
}

/** The route's own answer: JSON, never cached, never an upstream header. */
export function toJsonResponse(
  status: number,
  payload: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Response {
  return new Response(JSON.stringify(payload), {
    status,
    headers: {
      ...extraHeaders,
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
