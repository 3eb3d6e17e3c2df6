import 'server-only'
import { filterOperators, sortOrders } from '@/lib/bigid/ds-connections'
import { isRecord, parseJson } from './json'
import type { Condition, SortKey } from './list-match'
import { sandboxMessages as text } from './messages'

/** The query of `GET /api/v1/ds-connections`, checked. */
export type ListQuery = {
  readonly skip: number
  /** Undefined means every match, as in the recorded unpaged call. */
  readonly limit: number | undefined
  readonly conditions: readonly Condition[]
  readonly sort: readonly SortKey[]
}

export type ListQueryResult =
  | { readonly ok: true; readonly query: ListQuery }
  | { readonly ok: false; readonly message: string }

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * `requireTotalCount` is accepted and ignored: BigID sends `totalCount`
 * either way. Unknown parameters are ignored, as Express does.
 */
export function parseListQuery(params: URLSearchParams): ListQueryResult {
  const skip = parseCount(params.get('skip'), text.invalidSkip)
  if (!skip.ok) return skip
  const limit = parseCount(params.get('limit'), text.invalidLimit)
  if (!limit.ok) return limit
  const conditions = parseFilter(params.get('filter'))
  if (!conditions.ok) return conditions
  const sort = parseSort(params.get('sort'))
  if (!sort.ok) return sort

  return {
    ok: true,
    query: {
      skip: skip.value,
      limit: limit.value === 0 ? undefined : limit.value,
      conditions: conditions.value,
      sort: sort.value,
    },
  }
}

function parseCount(raw: string | null, message: string): Parsed<number> {
  const text = raw?.trim() ?? ''
  if (text === '') return { ok: true, value: 0 }
  const value = Number(text)
  const isCount = /^\d+$/.test(text) && Number.isSafeInteger(value)
  return isCount ? { ok: true, value } : { ok: false, message }
}

function parseFilter(raw: string | null): Parsed<Condition[]> {
  const items = parseJsonArray(raw, text.filterNotJson, text.filterNotArray)
  if (!items.ok) return items

  const conditions: Condition[] = []
  for (const [index, item] of items.value.entries()) {
    const fail = (problem: string) => ({
      ok: false as const,
      message: text.filterItem(index, problem),
    })
    if (!isRecord(item) || !isFieldName(item.field)) {
      return fail(text.filterFieldMissing)
    }
    if (!Object.hasOwn(item, 'value')) return fail(text.filterValueMissing)
    const operator = filterOperators.find((known) => known === item.operator)
    if (operator === undefined) return fail(text.filterOperatorUnknown)

    const { field, value } = item
    if (operator !== 'in') {
      conditions.push({ field, candidates: [value] })
    } else if (Array.isArray(value)) {
      conditions.push({ field, candidates: value })
    } else {
      return fail(text.filterInNeedsArray)
    }
  }
  return { ok: true, value: conditions }
}

/** `[{"field": "name", "order": "desc"}]`; `order` defaults to `asc`. */
function parseSort(raw: string | null): Parsed<SortKey[]> {
  const items = parseJsonArray(raw, text.sortNotJson, text.sortNotArray)
  if (!items.ok) return items

  const keys: SortKey[] = []
  for (const [index, item] of items.value.entries()) {
    const fail = (problem: string) => ({
      ok: false as const,
      message: text.sortItem(index, problem),
    })
    if (!isRecord(item) || !isFieldName(item.field)) {
      return fail(text.sortFieldMissing)
    }
    const order =
      item.order === undefined
        ? 'asc'
        : sortOrders.find((known) => known === item.order)
    if (order === undefined) return fail(text.sortOrderUnknown)
    keys.push({ field: item.field, order })
  }
  return { ok: true, value: keys }
}

function parseJsonArray(
  raw: string | null,
  notJson: (detail: string) => string,
  notArray: string,
): Parsed<unknown[]> {
  if (raw === null || raw.trim() === '') return { ok: true, value: [] }

  const parsed = parseJson(raw)
  if (!parsed.ok) return { ok: false, message: notJson(parsed.detail) }
  return Array.isArray(parsed.value)
    ? { ok: true, value: parsed.value }
    : { ok: false, message: notArray }
}

function isFieldName(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}
