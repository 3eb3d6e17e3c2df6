import { describe, expect, it } from 'vitest'
import recordedList from './data/ds-connections.json'
import { seedConnections, trainingPermissions } from './seed'

describe('seed', () => {
  it('keeps the 20 recorded sources as recorded, key order included', () => {
    expect(seedConnections).toHaveLength(20)
    expect(JSON.stringify(seedConnections)).toBe(
      JSON.stringify(recordedList.data.ds_connections),
    )
  })

  it('holds the sources in ascending updated_at order', () => {
    const times = seedConnections.map((source) => source.updated_at)
    expect(times).toEqual([...times].sort())
  })

  it('holds the 353 permissions with admin first', () => {
    expect(trainingPermissions).toHaveLength(353)
    expect(trainingPermissions[0]).toBe('admin')
    expect(
      trainingPermissions.slice(1).every((p) => p.startsWith('permission.')),
    ).toBe(true)
  })
})
