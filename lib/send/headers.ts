import 'server-only'
import {
  fail,
  notes,
  type Result,
  type SendNote,
  type StripReason,
  succeed,
} from './errors'

export type HeaderPair = [name: string, value: string]

export interface PreparedHeaders {
  readonly headers: HeaderPair[]
  readonly notes: SendNote[]
}

/** RFC 9110 token: the characters a field name may use. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const LINE_BREAK_OR_NUL = /[\r\n\0]/
/** What a field value may carry on the wire: HTAB, visible ASCII, Latin-1. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

const strippedByName: Record<string, StripReason> = {
  connection: 'hop-by-hop',
  'keep-alive': 'hop-by-hop',
  te: 'hop-by-hop',
  trailer: 'hop-by-hop',
  'transfer-encoding': 'hop-by-hop',
  upgrade: 'hop-by-hop',
  host: 'computed',
  'content-length': 'computed',
  cookie: 'app-context',
  origin: 'app-context',
  referer: 'app-context',
  forwarded: 'proxy-identity',
  via: 'proxy-identity',
  'x-real-ip': 'proxy-identity',
  expect: 'unsupported',
}

const strippedByPrefix: [prefix: string, reason: StripReason][] = [
  ['proxy-', 'hop-by-hop'],
  ['sec-fetch-', 'app-context'],
  ['x-forwarded-', 'proxy-identity'],
]

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name)
}

/**
 * Validates the learner's headers and removes the ones the sender must not
 * pass on, with a note for each. The learner's list is the only source of
 * headers: nothing is added.
 */
export function prepareRequestHeaders(
  pairs: readonly (readonly [string, string])[],
): Result<PreparedHeaders> {
  for (const [index, [name, value]] of pairs.entries()) {
    if (!isHeaderName(name)) {
      return fail('invalid_header_name', {
        position: index + 1,
        name: name.slice(0, 64),
      })
    }
    if (LINE_BREAK_OR_NUL.test(value)) {
      return fail('header_value_line_break', { name })
    }
    if (!FIELD_VALUE.test(value)) return fail('invalid_header_value', { name })
  }

  const nominated = listConnectionOptions(pairs)
  const headers: HeaderPair[] = []
  const stripNotes: SendNote[] = []
  for (const [name, value] of pairs) {
    const reason =
      findStripReason(name) ??
      (nominated.has(name.toLowerCase()) ? 'hop-by-hop' : undefined)
    if (reason === undefined) headers.push([name, value])
    else stripNotes.push(notes.headerStripped(name, reason))
  }
  return succeed({ headers, notes: stripNotes })
}

export function findStripReason(name: string): StripReason | undefined {
  const lower = name.toLowerCase()
  const byName = strippedByName[lower]
  if (byName) return byName
  return strippedByPrefix.find(([prefix]) => lower.startsWith(prefix))?.[1]
}

/** Headers a Connection header names are hop-by-hop too (RFC 9110 7.6.1). */
function listConnectionOptions(
  pairs: readonly (readonly [string, string])[],
): Set<string> {
  const options = new Set<string>()
  for (const [name, value] of pairs) {
    if (name.toLowerCase() !== 'connection') continue
    for (const option of value.split(',')) {
      const trimmed = option.trim().toLowerCase()
      if (trimmed !== '') options.add(trimmed)
    }
  }
  return options
}

/**
 * Turns undici's raw response headers (name, value, name, value…) into
 * pairs, in the order received, repeated names kept. Names are lower-cased,
 * as fetch and HTTP/2 report them.
 */
export function toHeaderPairs(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = []
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]
    const value = raw[index + 1]
    if (name !== undefined && value !== undefined) {
      pairs.push([name.toLowerCase(), value])
    }
  }
  return pairs
}

/** The first value of a header, by case-insensitive name. */
export function findHeader(
  pairs: readonly HeaderPair[],
  name: string,
): string | undefined {
  const lower = name.toLowerCase()
  return pairs.find(([candidate]) => candidate.toLowerCase() === lower)?.[1]
}

/**
 * The codings of every Content-Encoding header, in the order applied; the
 * last one must be undone first. "identity" is no coding at all.
 */
export function parseContentCodings(pairs: readonly HeaderPair[]): string[] {
  return pairs
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .flatMap(([, value]) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
}
