import 'server-only'
import { parseJson } from './json'

/** body-parser's default limit; BigID's Express app is assumed to keep it. */
export const bodyLimitBytes = 100 * 1024

export type JsonBody =
  /** `value` is undefined when the body is empty or was not parsed. */
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'malformed'; readonly detail: string }

export type JsonBodyOptions = {
  /**
   * Like Express's `json()`: a body whose Content-Type is not JSON is left
   * unread, so the endpoint sees no fields at all.
   */
  readonly isJsonTypeRequired: boolean
}

export async function readJsonBody(
  request: Request,
  options: JsonBodyOptions,
): Promise<JsonBody> {
  if (options.isJsonTypeRequired && !hasJsonType(request)) {
    return { kind: 'parsed', value: undefined }
  }

  const text = await readCappedText(request, bodyLimitBytes)
  if (text === undefined) return { kind: 'too-large' }
  if (text === '') return { kind: 'parsed', value: undefined }

  const parsed = parseJson(text)
  return parsed.ok
    ? { kind: 'parsed', value: parsed.value }
    : { kind: 'malformed', detail: parsed.detail }
}

function hasJsonType(request: Request): boolean {
  const type = request.headers.get('content-type') ?? ''
  const mediaType = type.split(';')[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}

/** Reads at most `limit` bytes; undefined if the body is longer. */
async function readCappedText(
  request: Request,
  limit: number,
): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'))
  if (declared > limit) return undefined
  if (request.body === null) return ''

  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
