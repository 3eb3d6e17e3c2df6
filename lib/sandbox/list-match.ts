import 'server-only'
import { isRecord } from './json'

type Fields = Readonly<Record<string, unknown>>

/** A parsed filter item: the field matches if it equals any candidate. */
export type Condition = {
  readonly field: string
  readonly candidates: readonly unknown[]
}

export type SortKey = { readonly field: string; readonly order: 'asc' | 'desc' }

/** Reads `name` or a dotted path such as `connectionStatusScan.is_success`. */
export function readField(fields: Fields, path: string): unknown {
  if (Object.hasOwn(fields, path)) return fields[path]

  let current: unknown = fields
  for (const part of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, part)) return undefined
    current = current[part]
  }
  return current
}

/**
 * MongoDB's equality, which BigID's filters sit on: no type coercion (the
 * string `yes` is not `true`), an array field matches if any element does,
 * and `null` also matches a missing field.
 */
export function matchesCondition(fields: Fields, condition: Condition) {
  const actual = readField(fields, condition.field)
  return condition.candidates.some((candidate) => {
    if (candidate === null) return actual === null || actual === undefined
    if (isSameValue(actual, candidate)) return true
    return (
      Array.isArray(actual) &&
      actual.some((item) => isSameValue(item, candidate))
    )
  })
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return a === b
  if (typeof b !== 'object' || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Sorts by each key in turn; Array#sort is stable, so ties keep order. */
export function compareByKeys(keys: readonly SortKey[]) {
  return (a: Fields, b: Fields): number => {
    for (const key of keys) {
      const order = compareValues(
        readField(a, key.field),
        readField(b, key.field),
      )
      if (order !== 0) return key.order === 'desc' ? -order : order
    }
    return 0
  }
}

/**
 * MongoDB's order across types: missing and null, numbers, strings,
 * objects, arrays, booleans. Objects and arrays compare by their JSON text,
 * a simplification of MongoDB's element-wise rule.
 */
export function compareValues(a: unknown, b: unknown): number {
  const rankDifference = typeRank(a) - typeRank(b)
  if (rankDifference !== 0) return Math.sign(rankDifference)

  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b)
  }
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b)
  if (a === null || a === undefined) return 0
  return compareText(JSON.stringify(a), JSON.stringify(b))
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === 'number') return 1
  if (typeof value === 'string') return 2
  if (Array.isArray(value)) return 4
  if (typeof value === 'object') return 3
  return 5
}

function compareText(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}
