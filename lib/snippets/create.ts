import 'server-only'
import type { OutgoingRequest } from '@/lib/exchange/types'
import {
  createSendError,
  type Result,
  type SendError,
  succeed,
} from '@/lib/send/errors'
import { prepareRequestHeaders } from '@/lib/send/headers'
import { parseMethod, parseSendInput } from '@/lib/send/schema'
import type { SendSettings } from '@/lib/send/settings'
import { resolveTarget } from '@/lib/send/target'
import { generateSnippet, type Snippet } from './generate'
import { type SnippetLanguage, snippetLanguages } from './languages'
import { snippetMessages } from './messages'

export type SnippetSet = {
  /** The request the code sends, after Send's own checks and filtering. */
  readonly request: OutgoingRequest
  /** Notes that hold for every language. */
  readonly notes: string[]
  readonly snippets: Record<SnippetLanguage, Snippet>
}

export type SnippetContext = {
  readonly ownOrigin: string
  readonly settings: SendSettings
}

/**
 * Takes what the page would post to /api/send and returns that request as
 * code, after the checks and header filtering Send applies, so the code
 * sends what Send would. A request Send would refuse for where it goes
 * still gets code, with a note; one Send could not send at all gets
 * Send's own error.
 */
export function createSnippets(
  input: unknown,
  context: SnippetContext,
): Result<SnippetSet> {
  const request = prepareRequest(input, context)
  if (!request.ok) return request

  const snippets = {} as Record<SnippetLanguage, Snippet>
  for (const { id } of snippetLanguages) {
    snippets[id] = generateSnippet(request.value.request, id)
  }
  return succeed({ ...request.value, snippets })
}

function prepareRequest(
  input: unknown,
  context: SnippetContext,
): Result<{ request: OutgoingRequest; notes: string[] }> {
  const parsed = parseSendInput(input)
  if (!parsed.ok) return parsed
  const method = parseMethod(parsed.value.method)
  if (!method.ok) return method
  const headers = prepareRequestHeaders(parsed.value.headers)
  if (!headers.ok) return headers

  const notes = headers.value.notes.map((note) =>
    snippetMessages.notes.headerLeftOut(note.message),
  )
  const url = resolveUrl(parsed.value.url, context)
  if (!url.ok) return url
  if (url.value.refusal) {
    notes.push(snippetMessages.notes.sendWouldRefuse(url.value.refusal.message))
  }

  const body = checkBody(method.value, parsed.value.body ?? '', context)
  if (!body.ok) return body

  const request: OutgoingRequest = {
    method: method.value,
    url: url.value.href,
    headers: headers.value.headers,
  }
  if (body.value !== '') request.body = body.value
  return succeed({ request, notes })
}

/**
 * Send's URL, normalised as Send sends it. An address Send may not reach
 * (a real deployment the operator has not allowed) still gets code.
 */
function resolveUrl(
  text: string,
  context: SnippetContext,
): Result<{ href: string; refusal?: SendError }> {
  const target = resolveTarget(text, context)
  if (target.ok) return succeed({ href: target.value.url.href })
  if (target.error.code !== 'target_not_allowed') return target

  const url = new URL(text.trim(), context.ownOrigin)
  url.hash = ''
  return succeed({ href: url.href, refusal: target.error })
}

function checkBody(
  method: string,
  text: string,
  context: SnippetContext,
): Result<string> {
  if (text === '') return succeed('')
  if (method === 'GET' || method === 'HEAD') {
    return fail(createSendError('body_not_allowed', { method }))
  }
  // Send encodes the body as UTF-8, which turns a lone surrogate into
  // U+FFFD; the code must carry the same bytes.
  const wellFormed = text.toWellFormed()
  if (Buffer.byteLength(wellFormed) > context.settings.maxRequestBytes) {
    return fail(
      createSendError('request_too_large', {
        part: 'body',
        limitBytes: context.settings.maxRequestBytes,
      }),
    )
  }
  return succeed(wellFormed)
}

function fail(error: SendError): { ok: false; error: SendError } {
  return { ok: false, error }
}
