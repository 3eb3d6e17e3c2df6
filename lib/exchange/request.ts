import type { HeaderPair, OutgoingRequest } from './types'

export const methods = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
] as const

export function hasBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD'
}

// A lesson writes sandbox URLs as paths ("/sandbox/api/v1/sessions"); the
// learner sees and sends the full URL, so it can be pasted into curl.
export function resolveUrl(url: string, origin: string): string {
  return url.startsWith('/') ? origin + url : url
}

// The accessible name of a request form: method and API path, without the
// sandbox's mount point, e.g. "POST /api/v1/sessions".
export function describeRequest(method: string, url: string): string {
  let path = url
  try {
    path = new URL(url, 'http://placeholder.invalid').pathname
  } catch {
    // A URL that does not parse is named as written.
  }
  return `${method} ${path.replace(/^\/sandbox(?=\/)/, '')}`
}

export function buildRequest(
  method: string,
  url: string,
  headers: HeaderPair[],
  body: string,
): OutgoingRequest {
  const named = headers.filter(([name]) => name.trim() !== '')
  const request: OutgoingRequest = {
    method,
    url: url.trim(),
    headers: named.map(([name, value]) => [name.trim(), value]),
  }
  if (hasBody(method) && body !== '') request.body = body
  return request
}

export type UrlCheck =
  | { ok: true }
  | { ok: false; reason: 'not_absolute' | 'unsupported_scheme' }

export function checkUrl(url: string): UrlCheck {
  if (!URL.canParse(url.trim())) return { ok: false, reason: 'not_absolute' }
  const { protocol } = new URL(url.trim())
  if (protocol === 'http:' || protocol === 'https:') return { ok: true }
  return { ok: false, reason: 'unsupported_scheme' }
}
