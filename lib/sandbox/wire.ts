import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

/** What an endpoint answers; `toResponse` adds BigID's wire quirks. */
export type Reply = { readonly status: number; readonly body: string }

const dayMs = 24 * 60 * 60 * 1000

/**
 * JSON.stringify, with `<`, `>` and `&` escaped. BigID labels JSON as
 * text/html, so a reflected value such as `<script>` would otherwise run as
 * HTML on the app's own origin if someone opened the URL. Parsed values are
 * unchanged; the recorded seed bodies contain none of these characters.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, escapeForHtml)
}

function escapeForHtml(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
}

export function jsonReply(status: number, value: unknown): Reply {
  return { status, body: toJson(value) }
}

/** Express's weak ETag: byte length in hex, then 27 chars of base64 SHA-1. */
export function computeEtag(body: string): string {
  const length = Buffer.byteLength(body, 'utf8').toString(16)
  const hash = createHash('sha1').update(body, 'utf8').digest('base64')
  return `W/"${length}-${hash.slice(0, 27)}"`
}

/**
 * The `LAUNCHER` cookie BigID sets on every reply. Path is the sandbox's
 * mount point, so the cookie never reaches the tutorial's own pages.
 */
export function buildLauncherCookie(basePath: string, nowMs: number): string {
  const value = randomBytes(16).toString('hex')
  const expires = new Date(nowMs + dayMs).toUTCString()
  return (
    `LAUNCHER=${value}; Path=${basePath}; Expires=${expires}; ` +
    'HttpOnly; SameSite=Lax'
  )
}

export type WireOptions = {
  readonly basePath: string
  readonly nowMs: number
}

/**
 * Turns a reply into what Express's `res.send(string)` would put on the
 * wire, including its answer of 304 to a matching `If-None-Match`.
 */
export function toResponse(
  request: Request,
  reply: Reply,
  options: WireOptions,
): Response {
  const etag = computeEtag(reply.body)
  const headers = new Headers({
    'x-powered-by': 'Express',
    'access-control-allow-origin': '*',
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(reply.body, 'utf8')),
    etag,
  })
  headers.append(
    'set-cookie',
    buildLauncherCookie(options.basePath, options.nowMs),
  )

  if (isFresh(request, reply.status, etag)) {
    headers.delete('content-type')
    headers.delete('content-length')
    return new Response(null, { status: 304, headers })
  }

  const body = request.method === 'HEAD' ? null : reply.body
  return new Response(body, { status: reply.status, headers })
}

/** The `fresh` check Express runs before sending a GET or HEAD reply. */
function isFresh(request: Request, status: number, etag: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (status < 200 || status >= 300) return false

  const noneMatch = request.headers.get('if-none-match')
  if (noneMatch === null || noneMatch.trim() === '*') return false
  const cacheControl = request.headers.get('cache-control') ?? ''
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cacheControl)) return false

  const bare = stripWeak(etag)
  return noneMatch.split(',').some((tag) => stripWeak(tag.trim()) === bare)
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag
}

const statusTexts: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
}

/**
 * Express's final handler: an HTML page whose `<pre>` says what failed,
 * e.g. `Cannot POST /api/v1/refresh-access-token` for an unknown route.
 */
export function expressErrorResponse(
  request: Request,
  status: 400 | 404,
  text = statusTexts[status] ?? '',
): Response {
  const body =
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>Error</title>\n</head>\n<body>\n<pre>${escapeHtml(text)}</pre>\n` +
    '</body>\n</html>\n'
  const headers = new Headers({
    'x-powered-by': 'Express',
    'access-control-allow-origin': '*',
    'content-security-policy': "default-src 'none'",
    'x-content-type-options': 'nosniff',
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(body, 'utf8')),
  })
  return new Response(request.method === 'HEAD' ? null : body, {
    status,
    headers,
  })
}

export function cannotRouteText(method: string, path: string): string {
  return `Cannot ${method} ${path}`
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * The preflight answer of Express's `cors()` middleware with its defaults,
 * which the recorded `access-control-allow-origin: *` points to.
 */
export function preflightResponse(request: Request): Response {
  const headers = new Headers({
    'x-powered-by': 'Express',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
    vary: 'Access-Control-Request-Headers',
    'content-length': '0',
  })
  const requested = request.headers.get('access-control-request-headers')
  if (requested !== null) {
    headers.set('access-control-allow-headers', requested)
  }
  return new Response(null, { status: 204, headers })
}
