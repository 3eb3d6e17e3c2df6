import 'server-only'
import { z } from 'zod'
import { fail, type Result, succeed } from './errors'

export const SENDABLE_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
] as const

export type SendableMethod = (typeof SENDABLE_METHODS)[number]

export const INPUT_LIMITS = {
  urlLength: 8192,
  headerCount: 100,
  headerNameLength: 256,
  headerValueLength: 16 * 1024,
} as const

export const sendInputSchema = z.object({
  method: z.string().min(1).max(32),
  url: z.string().min(1).max(INPUT_LIMITS.urlLength),
  headers: z
    .array(
      z.tuple([
        z.string().max(INPUT_LIMITS.headerNameLength),
        z.string().max(INPUT_LIMITS.headerValueLength),
      ]),
    )
    .max(INPUT_LIMITS.headerCount)
    .default([]),
  body: z.string().nullish(),
})

export type SendInput = z.infer<typeof sendInputSchema>

const fieldHints: Record<string, string> = {
  method: 'give the method as text, such as "GET" or "POST".',
  url:
    'give the full address as text, such as ' +
    '"http://<this app>/sandbox/api/v1/sessions", at most ' +
    `${INPUT_LIMITS.urlLength} characters.`,
  headers:
    'give the headers as a list of [name, value] pairs of text, such as ' +
    `[["Accept", "application/json"]], at most ${INPUT_LIMITS.headerCount} ` +
    'of them.',
  body: 'give the body as text, or leave it out.',
}

const wholeInputHint =
  'send a JSON object such as {"method": "GET", "url": "...", "headers": []}.'

export function parseSendInput(input: unknown): Result<SendInput> {
  const parsed = sendInputSchema.safeParse(input)
  if (parsed.success) return succeed(parsed.data)

  const issue = parsed.error.issues[0]
  const path = issue?.path ?? []
  const root = path[0]
  if (typeof root !== 'string') {
    return fail('invalid_input', { field: 'request', hint: wholeInputHint })
  }
  return fail('invalid_input', {
    field: formatPath(path),
    hint:
      headerLengthHint(path, issue?.code) ?? fieldHints[root] ?? wholeInputHint,
  })
}

// A header name or value that is too long is named as such, rather than
// answered with the hint about the shape of the whole list.
function headerLengthHint(
  path: readonly PropertyKey[],
  code: string | undefined,
): string | undefined {
  if (path[0] !== 'headers' || path.length !== 3 || code !== 'too_big') {
    return undefined
  }
  return path[2] === 0
    ? `a header name may be at most ${INPUT_LIMITS.headerNameLength} characters.`
    : `a header value may be at most ${INPUT_LIMITS.headerValueLength} ` +
        'characters; shorten it.'
}

/** Upper-cases a known method; anything else is refused by name. */
export function parseMethod(method: string): Result<SendableMethod> {
  const upper = method.toUpperCase()
  const known = SENDABLE_METHODS.find((candidate) => candidate === upper)
  if (known) return succeed(known)
  return fail('method_not_allowed', {
    method: method.slice(0, 32),
    allowed: SENDABLE_METHODS,
  })
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number'
        ? `[${part}]`
        : index === 0
          ? String(part)
          : `.${String(part)}`,
    )
    .join('')
}
