import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareByKeys,
  compareValues,
  matchesCondition,
  readField,
} from './list-match'

describe('list-match', () => {
  it('reads plain and dotted fields, never inherited ones', () => {
    const fields = { a: { b: 1 }, 'x.y': 2 }
    expect(readField(fields, 'a.b')).toBe(1)
    expect(readField(fields, 'x.y')).toBe(2)
    expect(readField(fields, 'a.c')).toBeUndefined()
    expect(readField(fields, 'constructor')).toBeUndefined()
    expect(readField(fields, 'a.b.c')).toBeUndefined()
  })

  it('matches without coercion', () => {
    const fields = { enabled: 'yes', tier: '1' }
    expect(
      matchesCondition(fields, { field: 'enabled', candidates: ['yes'] }),
    ).toBe(true)
    expect(
      matchesCondition(fields, { field: 'enabled', candidates: [true] }),
    ).toBe(false)
    expect(matchesCondition(fields, { field: 'tier', candidates: [1] })).toBe(
      false,
    )
  })

  it('matches an array field when any element matches', () => {
    const fields = { owners: ['a@example.com', 'b@example.com'] }
    const condition = { field: 'owners', candidates: ['b@example.com'] }
    expect(matchesCondition(fields, condition)).toBe(true)
  })

  it('matches null against a missing field', () => {
    expect(
      matchesCondition({}, { field: 'location', candidates: [null] }),
    ).toBe(true)
    expect(
      matchesCondition(
        { location: 'x' },
        { field: 'location', candidates: [null] },
      ),
    ).toBe(false)
  })

  it('orders types as MongoDB does', () => {
    const sorted = [true, [1], { a: 1 }, 'a', 2, null].sort(compareValues)
    expect(sorted).toEqual([null, 2, 'a', { a: 1 }, [1], true])
  })

  it('is a consistent order over any JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const forward = Math.sign(compareValues(a, b))
        const backward = Math.sign(compareValues(b, a))
        expect(forward === -backward).toBe(true)
        expect(compareValues(a, a) === 0).toBe(true)
      }),
    )
  })

  it('sorts by each key in turn and reverses for desc', () => {
    const rows = [
      { type: 's3', name: 'b' },
      { type: 'smb', name: 'a' },
      { type: 's3', name: 'a' },
    ]
    const sorted = [...rows].sort(
      compareByKeys([
        { field: 'type', order: 'desc' },
        { field: 'name', order: 'asc' },
      ]),
    )
    expect(sorted).toEqual([rows[1], rows[2], rows[0]])
  })
})
