import { describe, expect, it } from 'vitest'
import { parseListQuery } from './list-query'

function parse(query: string) {
  return parseListQuery(new URLSearchParams(query))
}

describe('list-query', () => {
  it('defaults to everything, unfiltered, in the default order', () => {
    expect(parse('')).toEqual({
      ok: true,
      query: { skip: 0, limit: undefined, conditions: [], sort: [] },
    })
  })

  it('reads a URL-encoded filter and sort', () => {
    const filter = encodeURIComponent(
      '[{"field":"type","value":["s3","smb"],"operator":"in"},' +
        '{"field":"enabled","value":"yes","operator":"equals"}]',
    )
    const sort = encodeURIComponent('[{"field":"name"}]')
    expect(parse(`filter=${filter}&sort=${sort}&skip=2&limit=5`)).toEqual({
      ok: true,
      query: {
        skip: 2,
        limit: 5,
        conditions: [
          { field: 'type', candidates: ['s3', 'smb'] },
          { field: 'enabled', candidates: ['yes'] },
        ],
        sort: [{ field: 'name', order: 'asc' }],
      },
    })
  })

  it('keeps an array value of equal as one candidate', () => {
    const filter = encodeURIComponent(
      '[{"field":"tags","value":[],"operator":"equal"}]',
    )
    const result = parse(`filter=${filter}`)
    expect(result.ok && result.query.conditions).toEqual([
      { field: 'tags', candidates: [[]] },
    ])
  })

  it('ignores requireTotalCount and unknown parameters', () => {
    expect(parse('requireTotalCount=maybe&colour=blue').ok).toBe(true)
  })

  it('checks skip before limit, filter and sort', () => {
    const result = parse('skip=x&limit=y&filter=z&sort=w')
    expect(result.ok || result.message).toMatch(/^skip /)
  })

  it('refuses a skip too big to count exactly', () => {
    expect(parse('skip=99999999999999999999').ok).toBe(false)
  })
})
