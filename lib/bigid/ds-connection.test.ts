import { describe, expect, it } from 'vitest'
import recorded from '@/lib/sandbox/data/ds-connections.json'
import { dsConnectionReplySchema, dsConnectionSchema } from './ds-connection'

const [models] = recorded.data.ds_connections

describe('ds-connection', () => {
  it('accepts every recorded source and keeps its type-specific keys', () => {
    for (const source of recorded.data.ds_connections) {
      const parsed = dsConnectionSchema.parse(source)
      expect(Object.keys(parsed).sort()).toEqual(Object.keys(source).sort())
    }
  })

  it('refuses enabled as a boolean', () => {
    expect(
      dsConnectionSchema.safeParse({ ...models, enabled: true }).success,
    ).toBe(false)
  })

  it('refuses a password that is not masked', () => {
    expect(
      dsConnectionSchema.safeParse({ ...models, password: 'hunter2' }).success,
    ).toBe(false)
  })

  it('refuses an id that differs from the name', () => {
    expect(
      dsConnectionSchema.safeParse({ ...models, id: 'other' }).success,
    ).toBe(false)
  })

  it('accepts a tag with all four keys', () => {
    const tag = { tagId: 'a', valueId: 'b', tagName: 'Env', tagValue: 'Prod' }
    expect(
      dsConnectionSchema.safeParse({ ...models, tags: [tag] }).success,
    ).toBe(true)
  })

  it('wraps one source under ds_connection', () => {
    expect(
      dsConnectionReplySchema.safeParse({ ds_connection: models }).success,
    ).toBe(true)
  })
})
